package urcheck.facts;

import java.util.List;
import urcheck.levels.Joint;
import urcheck.levels.Levels;

/** One clinical fact as the record documents it (present or absent), with the levels it concerns. */
public record ClinicalFinding(FindingKind kind, Documented status, Levels levels, String note,
                              int caseKey) implements CaseFact, Evidence {

    /** A fact of the only case in its session (key 0). */
    public ClinicalFinding(FindingKind kind, Documented status, Levels levels, String note) {
        this(kind, status, levels, note, 0);
    }

    /** The same fact for the case with {@code key}. */
    public ClinicalFinding withCaseKey(int key) {
        return key == caseKey ? this : new ClinicalFinding(kind, status, levels, note, key);
    }

    public boolean present() {
        return status == Documented.PRESENT;
    }

    public boolean absent() {
        return status == Documented.ABSENT;
    }

    /**
     * Whether this finding may bear on the given joints: it names one of them, it names no levels (a
     * finding of the region as a whole, such as "no facet arthropathy"), or the joints are not known.
     */
    public boolean bearsOn(List<Joint> joints) {
        return levels == null || joints.isEmpty() || atAnyOf(joints);
    }

    /** Whether this finding concerns one of the given joints; a finding with no levels concerns none known. */
    public boolean atAnyOf(List<Joint> joints) {
        return levels != null && levels.joints().stream().anyMatch(joints::contains);
    }

    @Override
    public String describe() {
        StringBuilder s = new StringBuilder(kind.label()).append(": ").append(status.label());
        if (levels != null) {
            s.append(" at ").append(levels.jointList());
        }
        if (note != null) {
            s.append(" (\"").append(note).append("\")");
        }
        return s.toString();
    }
}
