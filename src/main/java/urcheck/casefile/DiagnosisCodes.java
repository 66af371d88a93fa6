package urcheck.casefile;

import java.util.Comparator;
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
        return codes.stream().filter(c -> code.startsWith(c.prefix()))
                .max(Comparator.comparingInt(c -> c.prefix().length()))
                .map(c -> DiagnosisCondition.valueOf(c.condition().toUpperCase(Locale.ROOT)))
                .orElse(DiagnosisCondition.OTHER);
    }
}
