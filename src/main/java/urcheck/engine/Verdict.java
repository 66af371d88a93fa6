package urcheck.engine;

public enum Verdict {
    MEDICALLY_NECESSARY, NOT_MEDICALLY_NECESSARY, NOT_COVERED;

    /** The likely IMR outcome if the item were denied and the denial appealed; none when not covered. */
    public String imrPrediction() {
        return switch (this) {
            case MEDICALLY_NECESSARY -> "OVERTURNED";
            case NOT_MEDICALLY_NECESSARY -> "UPHELD";
            case NOT_COVERED -> null;
        };
    }

    public String label() {
        return switch (this) {
            case MEDICALLY_NECESSARY -> "medically necessary";
            case NOT_MEDICALLY_NECESSARY -> "not medically necessary";
            case NOT_COVERED -> "not covered by these guidelines";
        };
    }
}
