package urcheck.fhir;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * Conditions, Observations, Procedures and planned orders -> the case file's clinical facts
 * (radicular findings, stenosis, fusion, planned surgery, facet signs, imaging, anxiety). A fact the
 * record does not mention is left out: not documented. Documented present anywhere wins over absent.
 */
final class FindingMapper {

    /** One clinical fact and what names it: ICD-10-CM code prefixes (no dot), SNOMED CT codes, words. */
    private record Rule(String field, Set<String> icd, Set<String> snomed, Pattern words, Set<String> icdNeedingLimb) {
    }

    private static final Pattern LIMB = Words.words("\\barms?\\b|\\bhands?\\b|\\blegs?\\b|\\bfoot\\b|\\bfeet\\b|limb|extremit|finger|\\btoes?\\b|thigh|\\bcalf\\b");
    private static final Pattern RADICULAR_WORDS = Words.words("radicul|sciatica|(?:radiat|numb|tingl|paresthes|pins and needles).*(?:\\barms?\\b|\\bhands?\\b|\\blegs?\\b|\\bfoot\\b|\\bfeet\\b|limb|extremit|finger|\\btoes?\\b|thigh|\\bcalf\\b)");
    private static final Pattern ELECTRODIAGNOSTIC = Words.words("\\bemg\\b|electromyog|nerve conduction|\\bncv?s?\\b|electrodiagnos");

    private static final List<Rule> RULES = List.of(
            new Rule("radicularSymptoms", Set.of("M541", "M501", "M511", "M543", "M544", "M472"), Set.of("72274001", "23056005"),
                    RADICULAR_WORDS, Set.of("R200", "R201", "R202", "R203", "R208", "R209")),
            new Rule("spinalStenosis", Set.of("M480"), Set.of("76107001"),
                    Words.words("(?:spinal|canal|central|foramin|recess|cervical|thoracic|lumbar).{0,20}stenosis|stenosis.{0,20}(?:spine|spinal|canal|\\b[CTL]\\d)"), Set.of()),
            new Rule("priorFusion", Set.of("Z981", "M960"), Set.of("55705006"), Words.words("fusion|arthrodesis"), Set.of()),
            new Rule("facetTenderness", Set.of(), Set.of(), Words.words("(?:facet|paravertebral).{0,40}tender|tender.{0,40}(?:facet|paravertebral)"), Set.of()),
            new Rule("axialPain", Set.of(), Set.of(), Words.words("\\baxial\\b.{0,40}(?:pain|ache)"), Set.of()),
            new Rule("painfulOrLimitedExtensionRotation", Set.of(), Set.of(),
                    Words.words("range of motion|\\brom\\b|extension|rotation|facet loading"), Set.of()),
            new Rule("imagingFacetFindings", Set.of("M4781", "M4789"), Set.of(),
                    Words.words("facet.{0,30}(?:arthropath|hypertroph|degenerat|arthros|arthritis|pathology|effusion)"), Set.of()),
            new Rule("extremeAnxiety", Set.of("F4023"), Set.of(),
                    Words.words("extreme anxiety|severe anxiety|needle phobia|anxiety about the procedure|procedur\\w* anxiety"), Set.of()));

    /** Spinal surgery: arthrodesis, instrumentation and disc procedures (22532-22899), decompression (63001-63295, 62380). */
    private static final Pattern SURGERY_WORDS = Words.words("fusion|arthrodesis|laminectomy|laminotomy|discectomy|diskectomy|"
            + "foraminotomy|spine surgery|spinal surgery|(?:spinal|lumbar|cervical|thoracic).{0,20}(?:decompression|disc replacement|arthroplasty)");

    private record Found(Presence presence, String levels, String levelsFrom, String note, String from) {
    }

    private final PatientRecord record;
    private final CaseDraft draft;
    private final Map<String, List<Found>> found = new LinkedHashMap<>();

    FindingMapper(PatientRecord record, CaseDraft draft) {
        this.record = record;
        this.draft = draft;
    }

    void map() {
        for (Located<Condition> c : record.all(Condition.class)) {
            condition(c);
        }
        for (Located<Observation> o : record.all(Observation.class)) {
            if (!aboutAProcedure(o.resource())) {
                observation(o);
            }
        }
        for (Located<Procedure> p : record.all(Procedure.class)) {
            procedure(p);
        }
        plannedSurgery();
        write();
    }

    private void condition(Located<Condition> at) {
        Condition c = at.resource();
        Presence presence = Presence.of(c);
        if (presence == Presence.NOT_SAID) {
            return;
        }
        List<String> context = new ArrayList<>(Words.of(c.getBodySite(), true));
        context.addAll(Words.notes(c.getNote()));
        for (Rule rule : RULES) {
            if (matches(rule, c.getCode(), Words.of(c.getCode(), true), context)) {
                if ("priorFusion".equals(rule.field) && Codes.icdWithPrefix(c.getCode(), Set.of("M432")) != null) {
                    continue; // M43.2 "fusion of spine" is ankylosis, not a fusion operation
                }
                add(rule.field, at, "priorFusion".equals(rule.field) ? fusionStatus(c) : presence,
                        c.getCode(), c.getBodySite(), c.getNote());
            }
        }
    }

    /** A fusion stays done when the condition is "resolved": only a refuted one says there was none. */
    private static Presence fusionStatus(Condition c) {
        boolean refuted = c.hasVerificationStatus() && !c.getVerificationStatus().getCoding().isEmpty()
                && "refuted".equals(c.getVerificationStatus().getCodingFirstRep().getCode());
        return refuted ? Presence.ABSENT : Presence.PRESENT;
    }

    private void observation(Located<Observation> at) {
        Observation o = at.resource();
        Presence presence = Presence.of(o);
        if (presence == Presence.NOT_SAID) {
            return;
        }
        List<String> code = Words.of(o.getCode(), true);
        List<String> value = new ArrayList<>();
        if (o.hasValueCodeableConcept()) {
            value.addAll(Words.of(o.getValueCodeableConcept(), true));
        }
        if (o.hasValueStringType()) {
            value.add(o.getValueStringType().getValue());
        }
        List<String> method = Words.of(o.getMethod(), true);
        boolean electrodiagnostic = Words.find(Words.lower(method), ELECTRODIAGNOSTIC)
                || Codes.codes(o.getMethod(), Codes.SNOMED).contains("42803009")
                || Words.find(Words.lower(code), ELECTRODIAGNOSTIC);
        Rule radicular = RULES.get(0);
        if (electrodiagnostic) {
            boolean aboutRadiculopathy = matches(radicular, o.getCode(), code, List.of())
                    || (o.hasValueCodeableConcept() && matches(radicular, o.getValueCodeableConcept(), value, List.of()));
            if (aboutRadiculopathy) {
                // "EMG: radiculopathy" states it present; "radiculopathy (by EMG): absent" states it absent.
                Presence p = o.hasValueCodeableConcept() && matches(radicular, o.getValueCodeableConcept(), value, List.of())
                        && !Codes.codes(o.getValueCodeableConcept(), Codes.SNOMED).contains("2667000") ? Presence.PRESENT : presence;
                add("radiculopathyOnElectrodiagnostics", at, p, o.getCode(), o.hasBodySite() ? List.of(o.getBodySite()) : List.of(), o.getNote());
            }
            return;
        }
        List<String> words = new ArrayList<>(code);
        words.addAll(value);
        List<String> context = new ArrayList<>(o.hasBodySite() ? Words.of(o.getBodySite(), true) : List.of());
        context.addAll(Words.notes(o.getNote()));
        for (Rule rule : RULES) {
            if (matches(rule, o.getCode(), words, context)) {
                add(rule.field, at, presence, o.getCode(), o.hasBodySite() ? List.of(o.getBodySite()) : List.of(), o.getNote());
            }
        }
    }

    /** A fusion done: priorFusion present. */
    private void procedure(Located<Procedure> at) {
        Procedure p = at.resource();
        if (!HistoryMapper.performed(p)) {
            return;
        }
        boolean fusion = Codes.cptInRange(p.getCode(), 22532, 22634) != null || Codes.cptInRange(p.getCode(), 22800, 22819) != null
                || Codes.codes(p.getCode(), Codes.SNOMED).contains("55705006")
                || Words.find(Words.lower(Words.of(p.getCode(), false)), Words.words("fusion|arthrodesis"));
        if (fusion) {
            add("priorFusion", at, Presence.PRESENT, p.getCode(), p.getBodySite(), p.getNote());
        }
    }

    /** A spinal operation ordered, planned or being prepared: surgery anticipated. */
    private void plannedSurgery() {
        List<Located<ServiceRequest>> requests = new ArrayList<>(record.orders());
        for (Located<ServiceRequest> sr : record.all(ServiceRequest.class)) {
            ServiceRequest.ServiceRequestStatus s = sr.resource().getStatus();
            if (s == ServiceRequest.ServiceRequestStatus.DRAFT || s == ServiceRequest.ServiceRequestStatus.ACTIVE
                    || s == ServiceRequest.ServiceRequestStatus.ONHOLD) {
                requests.add(sr);
            }
        }
        for (Located<ServiceRequest> sr : requests) {
            if (!sr.resource().getDoNotPerform() && isSurgery(sr.resource().getCode())) {
                add("surgeryPlanned", sr, Presence.PRESENT, sr.resource().getCode(), sr.resource().getBodySite(), sr.resource().getNote());
            }
        }
        for (Located<Procedure> p : record.all(Procedure.class)) {
            if (p.resource().getStatus() == Procedure.ProcedureStatus.PREPARATION && isSurgery(p.resource().getCode())) {
                add("surgeryPlanned", p, Presence.PRESENT, p.resource().getCode(), p.resource().getBodySite(), p.resource().getNote());
            }
        }
        for (Located<CarePlan> cp : record.all(CarePlan.class)) {
            if (!PlanMapper.current(cp.resource())) {
                continue;
            }
            for (CarePlan.CarePlanActivityComponent a : cp.resource().getActivity()) {
                if (a.hasDetail() && PlanMapper.current(a.getDetail()) && isSurgery(a.getDetail().getCode())) {
                    add("surgeryPlanned", cp, Presence.PRESENT, a.getDetail().getCode(), List.of(), List.of());
                }
            }
        }
    }

    static boolean isSurgery(CodeableConcept code) {
        return Codes.cptInRange(code, 22532, 22899) != null || Codes.cptInRange(code, 63001, 63295) != null
                || Codes.codes(code, Codes.CPT).contains("62380")
                || Words.find(Words.lower(Words.of(code, false)), SURGERY_WORDS);
    }

    private static boolean matches(Rule rule, CodeableConcept code, List<String> words, List<String> context) {
        if (Codes.icdWithPrefix(code, rule.icd) != null) {
            return true;
        }
        if (!rule.snomed.isEmpty() && Codes.codes(code, Codes.SNOMED).stream().anyMatch(rule.snomed::contains)) {
            return true;
        }
        if (Codes.icdWithPrefix(code, rule.icdNeedingLimb) != null) {
            List<String> all = new ArrayList<>(words);
            all.addAll(context);
            return Words.find(Words.affirmed(Words.lower(all)), LIMB);
        }
        return Words.find(Words.affirmed(Words.lower(words)), rule.words);
    }

    /** Whether an Observation reports on a procedure (relief, function after it): HistoryMapper reads those. */
    private boolean aboutAProcedure(Observation o) {
        List<Reference> refs = new ArrayList<>(o.getPartOf());
        refs.addAll(o.getFocus());
        for (Reference r : refs) {
            Located<Resource> target = record.resolve(r);
            if ((target != null && target.resource() instanceof Procedure)
                    || (r.hasReference() && r.getReference().startsWith("Procedure/"))) {
                return true;
            }
        }
        return false;
    }

    private void add(String field, Located<?> at, Presence presence, CodeableConcept code, List<CodeableConcept> sites,
                     List<Annotation> notes) {
        String levels = null;
        String levelsFrom = null;
        for (int i = 0; i < sites.size() && levels == null; i++) {
            levels = LevelText.find(sites.get(i).getText());
            levelsFrom = at.at("bodySite" + (at.resource() instanceof Observation ? "" : "[" + i + "]") + ".text");
        }
        if (levels == null && code != null) {
            levels = LevelText.find(code.getText());
            levelsFrom = at.at("code.text");
        }
        StringBuilder note = new StringBuilder(code == null || Words.label(code) == null ? "" : Words.label(code));
        String icd = code == null || Codes.codes(code, Codes.ICD10CM).isEmpty() ? null : Codes.codes(code, Codes.ICD10CM).get(0);
        if (icd != null && note.indexOf(Codes.icdDisplay(icd)) < 0) {
            note.append(" (").append(Codes.icdDisplay(icd)).append(')');
        }
        if (at.resource() instanceof Observation o) {
            String v = o.hasValueCodeableConcept() ? Words.label(o.getValueCodeableConcept())
                    : o.hasValueStringType() ? o.getValueStringType().getValue()
                    : o.hasValueBooleanType() ? (o.getValueBooleanType().booleanValue() ? "yes" : "no") : null;
            if (v != null) {
                note.append(": ").append(v);
            }
        }
        for (String n : Words.notes(notes)) {
            note.append(note.length() > 0 ? "; " : "").append(n);
        }
        found.computeIfAbsent(field, k -> new ArrayList<>())
                .add(new Found(presence, levels, levelsFrom, CaseDraft.note(note.toString(), at), at.path()));
    }

    private void write() {
        for (Map.Entry<String, List<Found>> e : found.entrySet()) {
            Found decisive = e.getValue().stream().filter(f -> f.presence == Presence.PRESENT).findFirst()
                    .orElse(e.getValue().get(0));
            String path = "$.clinical." + e.getKey();
            ObjectNode fact = draft.object("clinical").putObject(e.getKey());
            fact.put("status", decisive.presence == Presence.PRESENT ? "present" : "absent");
            if (decisive.levels != null) {
                fact.put("levels", decisive.levels);
                draft.provenance.put(path + ".levels", decisive.levelsFrom);
            }
            fact.put("note", decisive.note);
            draft.provenance.put(path, decisive.from);
        }
    }
}
