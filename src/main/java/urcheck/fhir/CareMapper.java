package urcheck.fhir;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Conservative care tried before the request -> the case file's conservativeCare: therapy Procedures
 * (physical therapy, home exercise, chiropractic, massage, other conservative measures) and pain
 * medications (MedicationStatement, MedicationRequest; NSAIDs apart). The response is what the record
 * says it did: a Procedure's outcome, or the words of notes and status reasons; otherwise unknown.
 */
final class CareMapper {

    private static final Set<String> PT_CPT = Set.of("97110", "97112", "97113", "97116", "97140", "97150", "97161", "97162",
            "97163", "97164", "97530", "97535", "97750");
    private static final Set<String> CHIRO_CPT = Set.of("98940", "98941", "98942", "98943");
    private static final Set<String> OTHER_CPT = Set.of("97810", "97811", "97813", "97814", "97545", "97546", "64550");

    private static final Pattern PT = Words.words("physical therap|physiotherap|\\bpt\\b");
    private static final Pattern HOME_EXERCISE = Words.words("home exercise|\\bhep\\b");
    private static final Pattern CHIRO = Words.words("chiropract|manipulation");
    private static final Pattern MASSAGE = Words.words("massage");
    private static final Pattern OTHER_CONSERVATIVE = Words.words("acupuncture|brace|\\btens\\b|\\bice\\b|\\bheat\\b|\\brest\\b|"
            + "traction|conservative (?:treatment|care)|exercise|occupational therap|aquatic therap|work hardening|work conditioning|"
            + "^\\s*therap(?:y|ies)\\s*$");

    /** NSAIDs by RxNorm ingredient and by name (generic and common brands). */
    private static final Set<String> NSAID_RXNORM = Set.of("5640", "7258", "140587", "3355", "41493", "35827");
    private static final Pattern NSAID = Words.words("nsaid|anti-?inflammator|ibuprofen|naproxen|celecoxib|celebrex|diclofenac|"
            + "meloxicam|mobic|ketorolac|toradol|etodolac|nabumetone|indomethacin|piroxicam|oxaprozin|diflunisal|sulindac|"
            + "ketoprofen|flurbiprofen|motrin|advil|aleve|naprosyn|voltaren");
    /** A record that says only "medications" or "medication management", as summaries do. */
    private static final Pattern GENERIC_MEDICATION = Words.words("^\\s*(?:medications?|medication management|medication usage)\\s*$");
    /** Medications for pain. */
    private static final Pattern PAIN_MEDICATION = Words.words("analges|pain|opioid|narcotic|hydrocodone|oxycodone|"
            + "morphine|hydromorphone|exalgo|tramadol|tapentadol|codeine|fentanyl|buprenorphine|methadone|oxymorphone|"
            + "percocet|norco|vicodin|muscle relax|cyclobenzaprine|flexeril|methocarbamol|tizanidine|baclofen|carisoprodol|"
            + "metaxalone|orphenadrine|gabapentin|pregabalin|lyrica|neurontin|duloxetine|cymbalta|amitriptyline|nortriptyline|"
            + "acetaminophen|tylenol|lidocaine|lidoderm");

    private final PatientRecord record;
    private final CaseDraft draft;

    /** Procedures the history reads as earlier spinal procedures are not conservative care. */
    private final HistoryMapper history;

    CareMapper(PatientRecord record, CaseDraft draft, HistoryMapper history) {
        this.record = record;
        this.draft = draft;
        this.history = history;
    }

    void map() {
        for (Located<Procedure> p : record.all(Procedure.class)) {
            Procedure proc = p.resource();
            if (!HistoryMapper.performed(proc) || history.priorType(proc.getCode()) != null
                    || FindingMapper.isSurgery(proc.getCode())) {
                continue;
            }
            String modality = modality(proc.getCode());
            if (modality == null) {
                continue;
            }
            List<String> said = new ArrayList<>();
            String response = null;
            if (proc.hasOutcome()) {
                List<String> outcome = Codes.codes(proc.getOutcome(), Codes.SNOMED);
                response = outcome.contains("385671000") ? "failed"
                        : outcome.contains("385669000") || outcome.contains("385670004") ? "helped" : null;
                said.add("outcome: " + Words.label(proc.getOutcome()));
            }
            said.addAll(Words.notes(proc.getNote()));
            said.addAll(Words.of(proc.getStatusReason(), true));
            if (response == null) {
                response = Words.outcome(Words.lower(said));
            }
            add(p, modality, response, proc.hasPerformedPeriod() ? proc.getPerformedPeriod() : null,
                    Words.label(proc.getCode()), said);
        }
        for (Located<MedicationStatement> m : record.all(MedicationStatement.class)) {
            MedicationStatement ms = m.resource();
            MedicationStatement.MedicationStatementStatus s = ms.getStatus();
            if (s != MedicationStatement.MedicationStatementStatus.ACTIVE && s != MedicationStatement.MedicationStatementStatus.COMPLETED
                    && s != MedicationStatement.MedicationStatementStatus.STOPPED && s != MedicationStatement.MedicationStatementStatus.ONHOLD
                    && s != MedicationStatement.MedicationStatementStatus.UNKNOWN) {
                continue;
            }
            CodeableConcept drug = drug(ms.hasMedicationCodeableConcept() ? ms.getMedicationCodeableConcept() : null,
                    ms.hasMedicationReference() ? ms.getMedicationReference() : null);
            List<String> said = new ArrayList<>(Words.notes(ms.getNote()));
            said.addAll(Words.of(ms.getStatusReason(), true));
            medication(m, drug, Words.of(ms.getReasonCode(), true), said, ms.hasEffectivePeriod() ? ms.getEffectivePeriod() : null);
        }
        for (Located<MedicationRequest> m : record.all(MedicationRequest.class)) {
            MedicationRequest mr = m.resource();
            MedicationRequest.MedicationRequestStatus s = mr.getStatus();
            if (s != MedicationRequest.MedicationRequestStatus.ACTIVE && s != MedicationRequest.MedicationRequestStatus.COMPLETED
                    && s != MedicationRequest.MedicationRequestStatus.STOPPED && s != MedicationRequest.MedicationRequestStatus.ONHOLD) {
                continue;
            }
            CodeableConcept drug = drug(mr.hasMedicationCodeableConcept() ? mr.getMedicationCodeableConcept() : null,
                    mr.hasMedicationReference() ? mr.getMedicationReference() : null);
            List<String> said = new ArrayList<>(Words.notes(mr.getNote()));
            if (mr.hasStatusReason()) {
                said.addAll(Words.of(mr.getStatusReason(), true));
            }
            medication(m, drug, Words.of(mr.getReasonCode(), true), said, null);
        }
    }

    private static String modality(CodeableConcept code) {
        List<String> cpt = Codes.codes(code, Codes.CPT);
        String words = Words.lower(Words.of(code, false));
        if (cpt.contains("97124") || Words.find(words, MASSAGE)) {
            return "massage";
        }
        if (cpt.stream().anyMatch(PT_CPT::contains) || Codes.codes(code, Codes.SNOMED).contains("91251008") || Words.find(words, PT)) {
            return "physical_therapy";
        }
        if (Words.find(words, HOME_EXERCISE)) {
            return "home_exercise";
        }
        if (cpt.stream().anyMatch(CHIRO_CPT::contains) || Words.find(words, CHIRO)) {
            return "chiropractic";
        }
        if (cpt.stream().anyMatch(OTHER_CPT::contains) || Words.find(words, OTHER_CONSERVATIVE)) {
            return "other";
        }
        return null;
    }

    /** The drug's concept: the statement's own, or the Medication it references (contained or in the input). */
    private CodeableConcept drug(CodeableConcept concept, Reference reference) {
        if (concept != null) {
            return concept;
        }
        if (reference == null) {
            return new CodeableConcept();
        }
        Resource target = reference.getResource() instanceof Resource r ? r : null;
        if (target == null) {
            Located<Resource> found = record.resolve(reference);
            target = found == null ? null : found.resource();
        }
        if (target instanceof Medication med && med.hasCode()) {
            return med.getCode();
        }
        return new CodeableConcept().setText(reference.getDisplay());
    }

    private void medication(Located<?> at, CodeableConcept drug, List<String> reasons, List<String> said, Period period) {
        String words = Words.lower(Words.of(drug, true));
        String modality;
        if (Codes.codes(drug, Codes.RXNORM).stream().anyMatch(NSAID_RXNORM::contains) || Words.find(words, NSAID)) {
            modality = "nsaids";
        } else if (Words.find(words, PAIN_MEDICATION) || Words.find(words, GENERIC_MEDICATION)
                || Words.find(Words.lower(reasons), PAIN_MEDICATION)
                || Words.find(Words.lower(reasons), Words.words("spine|spinal|back|neck|radicul|spondyl|facet|lumb|cervic"))) {
            modality = "other_medication";
        } else {
            return; // a medication for something else is no conservative care for this request
        }
        add(at, modality, Words.outcome(Words.lower(said)), period, Words.label(drug), said);
    }

    private void add(Located<?> at, String modality, String response, Period period, String label, List<String> said) {
        ArrayNode care = draft.array("conservativeCare");
        ObjectNode c = care.addObject();
        draft.provenance.put("$.conservativeCare[" + (care.size() - 1) + "]", at.path());
        c.put("modality", modality);
        Integer weeks = weeks(period);
        if (weeks != null) {
            c.put("weeks", weeks);
        }
        c.put("response", response == null ? "unknown" : response);
        List<String> note = new ArrayList<>();
        if (label != null) {
            note.add(label);
        }
        note.addAll(said);
        c.put("note", CaseDraft.note(String.join("; ", note), at));
    }

    /** Whole weeks between a period's start and end; null unless both are stated. */
    private static Integer weeks(Period p) {
        if (p == null || !p.hasStart() || !p.hasEnd()) {
            return null;
        }
        long days = java.time.temporal.ChronoUnit.DAYS.between(p.getStart().toInstant(), p.getEnd().toInstant());
        return days < 0 ? null : (int) Math.min(1000, days / 7);
    }
}
