package urcheck.facts;

/** Whether the plan around the request includes something the criteria ask about. */
public record PlannedTreatment(PlanKind kind, Documented status, String note,
                               int caseKey) implements CaseFact, Evidence {

    /** A fact of the only case in its session (key 0). */
    public PlannedTreatment(PlanKind kind, Documented status, String note) {
        this(kind, status, note, 0);
    }

    /** The same fact for the case with {@code key}. */
    public PlannedTreatment withCaseKey(int key) {
        return key == caseKey ? this : new PlannedTreatment(kind, status, note, key);
    }

    public boolean present() {
        return status == Documented.PRESENT;
    }

    public boolean absent() {
        return status == Documented.ABSENT;
    }

    @Override
    public String describe() {
        return kind.label() + ": " + status.label() + (note == null ? "" : " (\"" + note + "\")");
    }
}
