package urcheck.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Observation;

/**
 * Whether a resource documents a finding as present or absent, or does not say. A Condition is present
 * unless refuted or no longer active; an Observation by its value (true/false, SNOMED CT present
 * 52101004 / absent 2667000, yes/no, or words such as "normal" or "decreased"); no value means observed.
 */
enum Presence {
    PRESENT, ABSENT, NOT_SAID;

    private static final Pattern ABSENT_WORDS = Words.words("\\b(?:absent|no|none|negative|normal|within normal limits|wnl|"
            + "not present|not improved|unchanged|worse|denies|denied|full range)\\b");

    static Presence of(Condition c) {
        String verification = c.hasVerificationStatus() ? code(c.getVerificationStatus()) : "";
        if ("entered-in-error".equals(verification)) {
            return NOT_SAID;
        }
        if ("refuted".equals(verification)) {
            return ABSENT;
        }
        String clinical = c.hasClinicalStatus() ? code(c.getClinicalStatus()) : "";
        return switch (clinical) {
            case "inactive", "remission", "resolved" -> ABSENT;
            default -> PRESENT;
        };
    }

    static Presence of(Observation o) {
        if (o.getStatus() == Observation.ObservationStatus.ENTEREDINERROR
                || o.getStatus() == Observation.ObservationStatus.CANCELLED || o.hasDataAbsentReason()) {
            return NOT_SAID;
        }
        if (o.hasValueBooleanType()) {
            return o.getValueBooleanType().booleanValue() ? PRESENT : ABSENT;
        }
        List<String> words = new ArrayList<>();
        if (o.hasValueCodeableConcept()) {
            CodeableConcept v = o.getValueCodeableConcept();
            List<String> snomed = Codes.codes(v, Codes.SNOMED);
            if (snomed.contains("52101004") || snomed.contains("373066001")) {
                return PRESENT;
            }
            if (snomed.contains("2667000") || snomed.contains("373067005")) {
                return ABSENT;
            }
            words.addAll(Words.of(v, true));
        }
        if (o.hasValueStringType()) {
            words.add(o.getValueStringType().getValue());
        }
        for (CodeableConcept i : o.getInterpretation()) {
            List<String> codes = Codes.codes(i, "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation");
            if (codes.contains("NEG") || codes.contains("N")) {
                return ABSENT;
            }
            if (codes.contains("POS") || codes.contains("A")) {
                return PRESENT;
            }
        }
        return Words.find(Words.lower(words), ABSENT_WORDS) ? ABSENT : PRESENT;
    }

    private static String code(CodeableConcept cc) {
        return cc.getCoding().isEmpty() || !cc.getCodingFirstRep().hasCode() ? "" : cc.getCodingFirstRep().getCode();
    }
}
