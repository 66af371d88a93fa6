package urcheck.facts;

/** The injectate volume planned for each joint of a diagnostic block. */
public record PlannedInjectate(double ccPerJoint,
                               int caseKey) implements CaseFact, Evidence {

    /** A fact of the only case in its session (key 0). */
    public PlannedInjectate(double ccPerJoint) {
        this(ccPerJoint, 0);
    }

    /** The same fact for the case with {@code key}. */
    public PlannedInjectate withCaseKey(int key) {
        return key == caseKey ? this : new PlannedInjectate(ccPerJoint, key);
    }

    @Override
    public String describe() {
        return "planned injectate: " + ccPerJoint + " cc per joint";
    }
}
