package urcheck.facts;

/** A clinical fact is documented present, documented absent, or not documented at all: three different things. */
public enum Documented {
    PRESENT, ABSENT, NOT_DOCUMENTED;

    public String label() {
        return switch (this) {
            case PRESENT -> "documented present";
            case ABSENT -> "documented absent";
            case NOT_DOCUMENTED -> "not documented";
        };
    }
}
