package urcheck.facts;

/**
 * An earlier procedure's relief as the record words it when it gives no percent. Only criteria whose
 * guideline wording allows a described response read it; a percent, when given, decides instead.
 */
public enum QualitativeRelief {
    NONE("no relief"), LITTLE("little relief"), SOME("some relief"), SHORT_LIVED("short-lived relief"),
    GOOD("good relief"), EXCELLENT("excellent relief");

    private final String label;

    QualitativeRelief(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** None or little: no threshold of relief can be met, whatever its number would have been. */
    public boolean negligible() {
        return this == NONE || this == LITTLE;
    }

    /** Good or excellent: a positive response in words, with no number. */
    public boolean positive() {
        return this == GOOD || this == EXCELLENT;
    }

    /** Short-lived: whatever its size, it did not last (fails any duration of weeks). */
    public boolean shortLived() {
        return this == SHORT_LIVED;
    }
}
