package urcheck.facts;

public enum ProcedureType {
    MEDIAL_BRANCH_BLOCK("medial branch block"),
    FACET_INJECTION("facet joint injection"),
    RADIOFREQUENCY_NEUROTOMY("radiofrequency neurotomy"),
    EPIDURAL_STEROID_INJECTION("epidural steroid injection"),
    TRIGGER_POINT_INJECTION("trigger point injection"),
    OTHER("other procedure");

    private final String label;

    ProcedureType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
