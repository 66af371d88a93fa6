package urcheck.facts;

/**
 * A clinical fact is documented present, documented absent, or not documented at all: three different
 * things. UNCERTAIN ("possible", "suspected") exists only at the case-file boundary: it reaches the rules
 * as not documented, with an {@link UncertainFinding} beside it.
 */
public enum Documented {
    PRESENT, ABSENT, UNCERTAIN, NOT_DOCUMENTED;

    public String label() {
        return switch (this) {
            case PRESENT -> "documented present";
            case ABSENT -> "documented absent";
            case UNCERTAIN -> "uncertain";
            case NOT_DOCUMENTED -> "not documented";
        };
    }
}
