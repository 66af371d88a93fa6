package urcheck.casefile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumMap;
import java.util.List;
import urcheck.facts.Anesthetic;
import urcheck.facts.CareModality;
import urcheck.facts.CareResponse;
import urcheck.facts.DiagnosisCondition;
import urcheck.facts.Documented;
import urcheck.facts.FindingKind;
import urcheck.facts.Jurisdiction;
import urcheck.facts.Laterality;
import urcheck.facts.PhysicalMedicineDiagnosis;
import urcheck.facts.ProcedureType;
import urcheck.facts.Purpose;
import urcheck.facts.QualitativeRelief;
import urcheck.facts.Region;
import urcheck.facts.ServiceType;

/**
 * The case file as JSON has it, bound by {@link CaseFileBinder}: fields as written, enum values already
 * looked up. What it means (levels, dates, codes, the items' links) is {@link FactAssembler}'s work.
 * Public as a type only, so the phases of {@link CaseFileReader} can be called one after another.
 */
public record CaseFileDto(String caseId, Jurisdiction jurisdiction, String odgEdition, String requestDate, String injuryDate,
                          List<Item> items, Clinical clinical, List<Care> conservativeCare,
                          List<Procedure> priorProcedures, Plan plan, JsonNode expected) {

    record Item(String id, String request, ServiceType service, Purpose purpose, Region region, String levels,
                Laterality laterality, Integer sessions, String frequency, Integer visits, PhysicalMedicineDiagnosis diagnosis,
                List<String> cpt, String primaryItem, Boolean repeat, Boolean stagedSides, Integer set,
                String alternativeTo) {
    }

    record Finding(Documented status, String levels, String note) {
    }

    /** The clinical block: named findings (by kind), and the diagnoses list beside them. */
    record Clinical(EnumMap<FindingKind, Finding> findings, List<DiagnosisEntry> diagnoses) {
    }

    /** {@code uncertain}: the status "uncertain" (the other is "present"). */
    record DiagnosisEntry(String icd10, DiagnosisCondition condition, boolean uncertain, String levels, String note) {
    }

    record Plan(Finding activeTherapy, Finding sedation, Finding opioidSedation, Finding homePainMedicationWithheld,
                Finding painDiary, Finding neurotomyPlanned, Double injectateVolumeCc) {
    }

    record Care(CareModality modality, Integer weeks, Integer visits, CareResponse response, Finding functionalImprovement,
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

    record Procedure(ProcedureType type, String date, Region region, String levels, Double reliefPercent,
                     Duration reliefDuration, QualitativeRelief qualitativeRelief, Anesthetic anesthetic,
                     FunctionalChange functionalChange, String note) {
    }
}
