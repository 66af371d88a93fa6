package urcheck;

/** One checker for the whole test run: the rule base compiles once per process, as in production. */
public final class TestCheckers {

    private static Checker builtIn;

    private TestCheckers() {
    }

    public static synchronized Checker builtIn() {
        if (builtIn == null) {
            builtIn = Checker.load(null);
        }
        return builtIn;
    }
}
