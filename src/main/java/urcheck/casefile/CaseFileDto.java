package urcheck.casefile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** The case file as JSON has it, already checked against case-file.schema.json. */
@JsonIgnoreProperties({"$schema"})
record CaseFileDto(String caseId, String jurisdiction, String odgEdition, String requestDate, String injuryDate,
                   List<Item> items, Clinical clinical, List<Care> conservativeCare,
                   List<Procedure> priorProcedures, Plan plan, JsonNode expected) {

    record Item(String id, String request, String service, String purpose, String region, String levels,
                String laterality, Integer sessions, String frequency, Integer visits, String diagnosis,
                List<String> cpt, String primaryItem, Boolean repeat, Boolean stagedSides, Integer set,
                String alternativeTo) {
    }

    record Finding(String status, String levels, String note) {
    }

    /** The clinical block: named findings, and the diagnoses list beside them. */
    static final class Clinical {
        final java.util.TreeMap<String, Finding> findings = new java.util.TreeMap<>();
        List<DiagnosisEntry> diagnoses = List.of();

        @com.fasterxml.jackson.annotation.JsonAnySetter
        void finding(String name, Finding f) {
            findings.put(name, f);
        }

        @com.fasterxml.jackson.annotation.JsonSetter("diagnoses")
        void diagnoses(List<DiagnosisEntry> list) {
            diagnoses = list == null ? List.of() : list;
        }
    }

    record DiagnosisEntry(String icd10, String condition, String status, String levels, String note) {
    }

    record Plan(Finding activeTherapy, Finding sedation, Finding opioidSedation, Finding homePainMedicationWithheld,
                Finding painDiary, Finding neurotomyPlanned, Double injectateVolumeCc) {
    }

    record Care(String modality, Integer weeks, Integer visits, String response, Finding functionalImprovement,
                String note) {
    }

    record Duration(double value, String unit) {
        double hours() {
            return switch (unit) {
                case "hours" -> value;
                case "days" -> value * 24;
                case "weeks" -> value * 24 * 7;
                default -> value * urcheck.facts.PriorProcedure.HOURS_PER_MONTH;
            };
        }

        String text() {
            String v = value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
            return v + " " + (value == 1 ? unit.substring(0, unit.length() - 1) : unit);
        }
    }

    record FunctionalChange(Finding workStatusImproved, Finding adlImproved, Finding medicationReduced,
                            Finding painScaleRecorded) {
    }

    record Procedure(String type, String date, String region, String levels, Double reliefPercent,
                     Duration reliefDuration, String qualitativeRelief, String anesthetic,
                     FunctionalChange functionalChange, String note) {
    }
}
