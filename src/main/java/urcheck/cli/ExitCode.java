package urcheck.cli;

/** Documented exit codes (README "Exit codes"). */
public final class ExitCode {
    /** Every case was checked (whatever the determinations). */
    public static final int CHECKED = 0;
    /** Something went wrong inside urcheck, or its knowledge base would not load. */
    public static final int INTERNAL_ERROR = 1;
    /** The input is wrong: a bad case file, an unknown option, a missing file. Nothing was written to stdout. */
    public static final int BAD_INPUT = 2;

    private ExitCode() {
    }
}
