package urcheck.casefile;

/** One thing wrong with a case file: where (a JSON path such as $.items[0].levels) and what was expected. */
public record Problem(String path, String message) {

    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]{0,63}");

    /**
     * A JSON key as a path shows it. The case file's own keys are field names; a key that is no plausible
     * name (spaces, punctuation, control characters, very long) may be record text pasted in the wrong
     * place, and is not repeated.
     */
    public static String key(String name) {
        return NAME.matcher(name).matches() ? name : "(a key whose name is not shown)";
    }

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
