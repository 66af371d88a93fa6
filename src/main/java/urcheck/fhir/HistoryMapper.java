package urcheck.fhir;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Type;
import urcheck.levels.LevelException;
import urcheck.levels.LevelParser;

/**
 * Earlier spinal procedures (Procedures, and completed ServiceRequests no Procedure reports) -> the case
 * file's priorProcedures, with the relief and functional change that Observations linked to them
 * (partOf or focus) report: a percentage, a duration, work status, activities of daily living,
 * medication use, a pain scale.
 */
final class HistoryMapper {

    private static final Set<String> EPIDURAL = Set.of("62310", "62311", "62318", "62319", "62320", "62321", "62322", "62323",
            "62324", "62325", "62326", "62327", "64479", "64480", "64483", "64484");
    private static final Set<String> TRIGGER_POINT = Set.of("20552", "20553");
    /**
     * Epidural add-on lines, counted by their primary line. Facet and neurotomy codes (primaries and add-ons)
     * come from rules/procedure-codes.json through {@link CptTable}; epidurals are history only, not a service
     * urcheck checks, so they are not in that table.
     */
    private static final Set<String> EPIDURAL_ADD_ONS = Set.of("64480", "64484");

    private static final Pattern RF = Words.words("radio-?frequency|\\brf\\b|\\brfa\\b|neurotomy|rhizotomy|ablation|denervation");
    private static final Pattern MEDIAL_BRANCH = Words.words("medial[- ]branch|\\bmbbs?\\b");
    private static final Pattern FACET = Words.words("facet|zygapophys");
    private static final Pattern EPIDURAL_WORDS = Words.words("epidural|\\besi\\b|transforaminal");
    private static final Pattern TRIGGER_WORDS = Words.words("trigger point");

    private static final Pattern WORK = Words.words("\\bwork|\\bduty\\b|employ|\\bjob\\b");
    private static final Pattern ADL = Words.words("activities of daily living|\\badls?\\b|daily activit");
    private static final Pattern MEDICATION = Words.words("medication|analgesic|opioid");
    private static final Pattern PAIN_SCALE = Words.words("\\bvas\\b|\\bnrs\\b|visual analog|numeric rating|pain scale|pain score|pain severity|pain intensity");
    private static final Set<String> PAIN_SCALE_LOINC = Set.of("72514-3", "38208-5");

    private final PatientRecord record;
    private final CaseDraft draft;
    private final CptTable cpt;

    HistoryMapper(PatientRecord record, CaseDraft draft, CptTable cpt) {
        this.record = record;
        this.draft = draft;
        this.cpt = cpt;
    }

    /** A procedure that was done (or begun): completed, in progress, or stopped part-way. */
    static boolean performed(Procedure p) {
        return p.getStatus() == Procedure.ProcedureStatus.COMPLETED || p.getStatus() == Procedure.ProcedureStatus.INPROGRESS
                || p.getStatus() == Procedure.ProcedureStatus.STOPPED;
    }

    private boolean is(String code, OrderMapper.Kind kind) {
        return cpt.knows(code) && cpt.get(code).kind() == kind;
    }

    /** The case file's procedure type for an earlier spinal procedure, or null when it is none urcheck reads. */
    String priorType(CodeableConcept code) {
        List<String> cpts = Codes.codes(code, Codes.CPT);
        if (!cpts.isEmpty() && cpts.stream().allMatch(c -> EPIDURAL_ADD_ONS.contains(c) || is(c, OrderMapper.Kind.ADDITIONAL_LEVEL))) {
            return null;
        }
        String words = Words.lower(Words.of(code, false));
        if (cpts.stream().anyMatch(c -> is(c, OrderMapper.Kind.NEUROTOMY)) || (Words.find(words, RF) && (Words.find(words, FACET)
                || Words.find(words, MEDIAL_BRANCH)))) {
            return "radiofrequency_neurotomy";
        }
        if (cpts.stream().anyMatch(c -> is(c, OrderMapper.Kind.FACET_INJECTION)) || Words.find(words, MEDIAL_BRANCH) || Words.find(words, FACET)) {
            return Words.find(words, MEDIAL_BRANCH) ? "medial_branch_block" : "facet_injection";
        }
        if (cpts.stream().anyMatch(EPIDURAL::contains) || Words.find(words, EPIDURAL_WORDS)) {
            return "epidural_steroid_injection";
        }
        if (cpts.stream().anyMatch(TRIGGER_POINT::contains) || Words.find(words, TRIGGER_WORDS)) {
            return "trigger_point_injection";
        }
        return null;
    }

    void map() {
        ArrayNode out = null;
        List<Located<Procedure>> procedures = new ArrayList<>();
        for (Located<Procedure> p : record.all(Procedure.class)) {
            if (performed(p.resource()) && priorType(p.resource().getCode()) != null) {
                procedures.add(p);
            }
        }
        for (Located<Procedure> p : procedures) {
            out = out == null ? draft.array("priorProcedures") : out;
            Procedure proc = p.resource();
            ObjectNode entry = out.addObject();
            String path = "$.priorProcedures[" + (out.size() - 1) + "]";
            draft.provenance.put(path, p.path());
            fill(entry, path, p, priorType(proc.getCode()), proc.getCode(), proc.getBodySite(),
                    proc.hasPerformedDateTimeType() ? proc.getPerformedDateTimeType()
                            : proc.hasPerformedPeriod() ? proc.getPerformedPeriod().getStartElement() : null,
                    notes(proc));
            relief(entry, path, p);
        }
        // An order marked completed says the procedure was done, even where no Procedure reports it.
        for (Located<ServiceRequest> sr : record.all(ServiceRequest.class)) {
            ServiceRequest s = sr.resource();
            String type = priorType(s.getCode());
            if (s.getStatus() != ServiceRequest.ServiceRequestStatus.COMPLETED || type == null || reportedByAProcedure(sr)) {
                continue;
            }
            out = out == null ? draft.array("priorProcedures") : out;
            ObjectNode entry = out.addObject();
            String path = "$.priorProcedures[" + (out.size() - 1) + "]";
            draft.provenance.put(path, sr.path());
            fill(entry, path, sr, type, s.getCode(), s.getBodySite(),
                    s.hasOccurrenceDateTimeType() ? s.getOccurrenceDateTimeType()
                            : s.hasOccurrencePeriod() ? s.getOccurrencePeriod().getStartElement() : null,
                    Words.notes(s.getNote()));
        }
    }

    private boolean reportedByAProcedure(Located<ServiceRequest> sr) {
        for (Located<Procedure> p : record.all(Procedure.class)) {
            for (Reference r : p.resource().getBasedOn()) {
                if (record.refersTo(r, sr)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> notes(Procedure p) {
        List<String> out = new ArrayList<>();
        if (p.hasOutcome()) {
            String o = Words.label(p.getOutcome());
            if (o != null) {
                out.add("outcome: " + o);
            }
        }
        out.addAll(Words.notes(p.getNote()));
        return out;
    }

    private void fill(ObjectNode entry, String path, Located<?> at, String type, CodeableConcept code,
                      List<CodeableConcept> sites, BaseDateTimeType date, List<String> notes) {
        entry.put("type", type);
        String d = Dates.of(date);
        if (d != null) {
            entry.put("date", d);
        }
        String levels = null;
        for (int i = 0; i < sites.size() && levels == null; i++) {
            levels = LevelText.find(sites.get(i).getText());
            if (levels != null) {
                draft.provenance.put(path + ".levels", at.at("bodySite[" + i + "].text"));
            }
        }
        if (levels == null) {
            levels = LevelText.find(code.getText());
            if (levels != null) {
                draft.provenance.put(path + ".levels", at.at("code.text"));
            }
        }
        String region = null;
        if (levels != null) {
            entry.put("levels", levels);
            try {
                var parsed = LevelParser.parse(levels);
                region = parsed.region() == null ? null : parsed.region().name().toLowerCase(Locale.ROOT);
            } catch (LevelException e) {
                region = null; // the case-file reader reports the levels, with where they came from
            }
        }
        if (region == null) {
            region = OrderMapper.regionOfSiteCodes(sites);
        }
        List<String> words = new ArrayList<>(Words.of(code, false));
        words.addAll(Words.of(sites, true));
        if (region == null) {
            region = Words.region(Words.lower(words));
        }
        if (region == null) {
            List<String> cpts = Codes.codes(code, Codes.CPT);
            if (cpts.stream().anyMatch(c -> cpt.knows(c) && cpt.get(c).lumbarOnly())) {
                region = "lumbar";
            }
        }
        if (region != null) {
            entry.put("region", region);
        }
        StringBuilder note = new StringBuilder(Words.label(code) == null ? "" : Words.label(code));
        for (String n : notes) {
            note.append(note.length() > 0 ? "; " : "").append(n);
        }
        entry.put("note", CaseDraft.note(note.toString(), at));
    }

    /** Relief and functional change from the Observations that report on this procedure. */
    private void relief(ObjectNode entry, String path, Located<Procedure> proc) {
        for (Located<Observation> at : record.all(Observation.class)) {
            Observation o = at.resource();
            if (!reportsOn(o, proc) || Presence.of(o) == Presence.NOT_SAID) {
                continue;
            }
            boolean relief = false;
            List<Type> values = new ArrayList<>();
            List<String> valuePaths = new ArrayList<>();
            if (o.hasValue()) {
                values.add(o.getValue());
                valuePaths.add(at.at("value" + o.getValue().fhirType().substring(0, 1).toUpperCase(Locale.ROOT)
                        + o.getValue().fhirType().substring(1)));
            }
            for (int i = 0; i < o.getComponent().size(); i++) {
                if (o.getComponent().get(i).hasValue()) {
                    Type v = o.getComponent().get(i).getValue();
                    values.add(v);
                    valuePaths.add(at.at("component[" + i + "].value" + v.fhirType().substring(0, 1).toUpperCase(Locale.ROOT)
                            + v.fhirType().substring(1)));
                }
            }
            for (int i = 0; i < values.size(); i++) {
                Type v = values.get(i);
                Quantity q = v instanceof Quantity qq ? qq
                        : v instanceof org.hl7.fhir.r4.model.Range r && r.hasLow() ? r.getLow() : null;
                if (q == null || q.getValue() == null) {
                    continue;
                }
                String unit = ((q.hasCode() ? q.getCode() : "") + " " + (q.hasUnit() ? q.getUnit() : "")).trim().toLowerCase(Locale.ROOT);
                if (unit.contains("%") || unit.contains("percent")) {
                    entry.put("reliefPercent", q.getValue());
                    draft.provenance.put(path + ".reliefPercent", valuePaths.get(i));
                    relief = true;
                } else {
                    String u = timeUnit(unit);
                    if (u != null) {
                        BigDecimal value = q.getValue();
                        if ("years".equals(u)) {
                            value = value.multiply(BigDecimal.valueOf(12));
                            u = "months";
                        }
                        ObjectNode duration = entry.putObject("reliefDuration");
                        duration.put("value", value);
                        duration.put("unit", u);
                        draft.provenance.put(path + ".reliefDuration", valuePaths.get(i));
                        relief = true;
                    }
                }
            }
            if (!relief) {
                functional(entry, path, at);
            }
        }
    }

    private void functional(ObjectNode entry, String path, Located<Observation> at) {
        Observation o = at.resource();
        String words = Words.lower(Words.of(o.getCode(), true));
        String field = Codes.codes(o.getCode(), Codes.LOINC).stream().anyMatch(PAIN_SCALE_LOINC::contains) || Words.find(words, PAIN_SCALE)
                ? "painScaleRecorded"
                : Words.find(words, WORK) ? "workStatusImproved"
                : Words.find(words, ADL) ? "adlImproved"
                : Words.find(words, MEDICATION) ? "medicationReduced" : null;
        if (field == null) {
            return;
        }
        Presence p = "painScaleRecorded".equals(field) ? (o.hasValue() ? Presence.PRESENT : Presence.NOT_SAID) : Presence.of(o);
        if (p == Presence.NOT_SAID) {
            return;
        }
        ObjectNode fc = entry.has("functionalChange") ? (ObjectNode) entry.get("functionalChange") : entry.putObject("functionalChange");
        if (fc.has(field) && "present".equals(fc.get(field).path("status").asText())) {
            return;
        }
        ObjectNode f = fc.putObject(field);
        f.put("status", p == Presence.PRESENT ? "present" : "absent");
        List<String> n = new ArrayList<>();
        n.add(Words.label(o.getCode()));
        n.addAll(Words.notes(o.getNote()));
        f.put("note", CaseDraft.note(String.join("; ", n), at));
        draft.provenance.put(path + ".functionalChange." + field, at.path());
    }

    private boolean reportsOn(Observation o, Located<Procedure> proc) {
        List<Reference> refs = new ArrayList<>(o.getPartOf());
        refs.addAll(o.getFocus());
        for (Reference r : refs) {
            if (record.refersTo(r, proc)) {
                return true;
            }
        }
        return false;
    }

    private static String timeUnit(String unit) {
        String u = unit.replaceAll("[{}]", "").trim();
        if (u.matches("h|hr|hrs|hours?|h hours?")) {
            return "hours";
        }
        if (u.matches("d|days?|d days?")) {
            return "days";
        }
        if (u.matches("wk|weeks?|wk weeks?|wks")) {
            return "weeks";
        }
        if (u.matches("mo|months?|mo months?|mos")) {
            return "months";
        }
        if (u.matches("a|years?|a years?|yr|yrs")) {
            return "years";
        }
        return null;
    }
}
