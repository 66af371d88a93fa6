package urcheck.facts;

/** The injectate volume planned for each joint of a diagnostic block. */
public record PlannedInjectate(double ccPerJoint) implements Evidence {

    @Override
    public String describe() {
        return "planned injectate: " + ccPerJoint + " cc per joint";
    }
}
