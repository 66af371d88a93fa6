package urcheck.casefile;

import java.util.List;
import java.util.Locale;
import urcheck.facts.DiagnosisCondition;

/**
 * ICD-10-CM code prefixes and the condition each stands for (rules/diagnosis-codes.json): coding
 * knowledge kept beside the rules. The longest matching prefix decides; an unlisted code is OTHER.
 */
public record DiagnosisCodes(String description, List<Code> codes) {

    public record Code(String prefix, String condition, String description) {
    }

    public static final DiagnosisCodes NONE = new DiagnosisCodes("", List.of());

    public DiagnosisCondition conditionOf(String icd10) {
        String code = icd10.toUpperCase(Locale.ROOT);
        // A loop, not a stream: this runs for every coded diagnosis of every case. Ties go to the first listed.
        Code best = null;
        for (Code c : codes) {
            if (code.startsWith(c.prefix()) && (best == null || c.prefix().length() > best.prefix().length())) {
                best = c;
            }
        }
        return best == null ? DiagnosisCondition.OTHER : DiagnosisCondition.valueOf(best.condition().toUpperCase(Locale.ROOT));
    }
}
