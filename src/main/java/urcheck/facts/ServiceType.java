package urcheck.facts;

/** What is requested. Associated services only make sense beside a primary procedure. */
public enum ServiceType {
    DIAGNOSTIC_MEDIAL_BRANCH_BLOCK("diagnostic medial branch block", false),
    THERAPEUTIC_FACET_INJECTION("therapeutic intra-articular facet injection", false),
    /** A facet injection whose request does not say intra-articular or medial branch, diagnostic or therapeutic. */
    FACET_JOINT_INJECTION("facet joint injection (type not stated)", false),
    FACET_RADIOFREQUENCY_NEUROTOMY("facet radiofrequency neurotomy", false),
    MASSAGE_THERAPY("massage therapy", false),
    ADDITIONAL_LEVEL("additional level", true),
    IMAGING_GUIDANCE("fluoroscopic/imaging guidance", true),
    IV_SEDATION("IV sedation/anesthesia", true),
    /** Anything outside these guideline sections; answered "not covered by these guidelines". */
    OTHER("other service", false);

    private final String label;
    private final boolean associated;

    ServiceType(String label, boolean associated) {
        this.label = label;
        this.associated = associated;
    }

    public String label() {
        return label;
    }

    public boolean associated() {
        return associated;
    }
}
