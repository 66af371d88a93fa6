package urcheck.facts;

/** Parts of the treatment plan around the request that criteria ask about. */
public enum PlanKind {
    ACTIVE_THERAPY("a formal plan of active therapy or exercise alongside"),
    SEDATION("IV sedation planned for the procedure"),
    OPIOID_SEDATION("opioids to be given as a sedative"),
    HOME_PAIN_MEDICATION_WITHHELD("no home pain medication 4 hours before and 4-6 hours after the block"),
    PAIN_DIARY("relief to be recorded on a pain scale, with medication and activity logs"),
    NEUROTOMY_PLANNED("a radiofrequency neurotomy planned as the next step if the block is positive");

    private final String label;

    PlanKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
