package urcheck.engine;

public enum CriterionStatus {
    MET("met"), NOT_MET("not met"), NOT_DOCUMENTED("not documented"), NOT_APPLICABLE("not applicable");

    private final String label;

    CriterionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
