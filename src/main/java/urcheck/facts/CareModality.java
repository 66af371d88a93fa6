package urcheck.facts;

public enum CareModality {
    PHYSICAL_THERAPY("physical therapy"),
    HOME_EXERCISE("home exercise program"),
    NSAIDS("NSAIDs"),
    OTHER_MEDICATION("other medication"),
    CHIROPRACTIC("chiropractic care"),
    MASSAGE("massage therapy"),
    OTHER("other conservative care");

    private final String label;

    CareModality(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
