package urcheck.facts;

import java.util.List;
import urcheck.levels.Joint;
import urcheck.levels.Levels;

/**
 * A diagnosis the record lists, by ICD-10-CM code or by condition; {@code uncertain} for "possible" or
 * "suspected". An uncertain diagnosis is shown to the reviewer but establishes nothing.
 */
public record Diagnosis(DiagnosisCondition condition, String icd10, Levels levels, boolean uncertain, String note,
                        int caseKey)
        implements CaseFact, Evidence {

    /** A fact of the only case in its session (key 0). */
    public Diagnosis(DiagnosisCondition condition, String icd10, Levels levels, boolean uncertain, String note) {
        this(condition, icd10, levels, uncertain, note, 0);
    }

    /** The same fact for the case with {@code key}. */
    public Diagnosis withCaseKey(int key) {
        return key == caseKey ? this : new Diagnosis(condition, icd10, levels, uncertain, note, key);
    }

    /** Whether this diagnosis concerns one of the given joints; one with no levels is located nowhere known. */
    public boolean atAnyOf(List<Joint> joints) {
        return levels != null && levels.joints().stream().anyMatch(joints::contains);
    }

    @Override
    public String describe() {
        StringBuilder s = new StringBuilder("diagnosis: ").append(condition.label());
        if (icd10 != null) {
            s.append(" (ICD-10 ").append(icd10).append(")");
        }
        if (levels != null) {
            s.append(" at ").append(levels.jointList());
        }
        if (uncertain) {
            s.append(", uncertain");
        }
        if (note != null) {
            s.append(" (\"").append(note).append("\")");
        }
        return s.toString();
    }
}
