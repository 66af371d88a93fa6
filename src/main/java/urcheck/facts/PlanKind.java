package urcheck.facts;

/** Parts of the treatment plan around the request that criteria ask about. */
public enum PlanKind {
    ACTIVE_THERAPY("a formal plan of active therapy or exercise alongside"),
    SEDATION("IV sedation planned for the procedure");

    private final String label;

    PlanKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
