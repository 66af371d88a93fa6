package urcheck.facts;

/** Whether the plan around the request includes something the criteria ask about. */
public record PlannedTreatment(PlanKind kind, Documented status, String note) implements Evidence {

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
