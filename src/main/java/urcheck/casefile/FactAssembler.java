package urcheck.casefile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import urcheck.facts.CareModality;
import urcheck.facts.CaseContext;
import urcheck.facts.ClinicalFinding;
import urcheck.facts.ConservativeCare;
import urcheck.facts.Diagnosis;
import urcheck.facts.DiagnosisCondition;
import urcheck.facts.Documented;
import urcheck.facts.UncertainFinding;
import urcheck.facts.FindingKind;
import urcheck.facts.PartialDate;
import urcheck.facts.PlanKind;
import urcheck.facts.PlannedInjectate;
import urcheck.facts.PlannedTreatment;
import urcheck.facts.PriorProcedure;
import urcheck.facts.ProcedureType;
import urcheck.facts.Region;
import urcheck.facts.RequestedService;
import urcheck.facts.ServiceType;
import urcheck.levels.LevelContext;
import urcheck.levels.LevelException;
import urcheck.levels.LevelParser;
import urcheck.levels.Levels;

/**
 * Turns a bound case file into facts, noting what a schema cannot check. One per case. The work per value
 * is a table lookup or a hand-written parse, and a field path is spelt out only for a problem or an
 * uncertain finding (most cases have neither): assembling used to cost more than parsing the JSON.
 */
final class FactAssembler {

    /** Where a value is, spelt out only when a problem or an uncertain finding needs it. */
    private interface Where {
        String path();
    }

    /** "functional improvement from physical therapy": what an uncertain one is called, per modality. */
    private static final Map<CareModality, String> IMPROVEMENT_FROM = new java.util.EnumMap<>(CareModality.class);

    static {
        for (CareModality m : CareModality.values()) {
            IMPROVEMENT_FROM.put(m, "functional improvement from " + CaseFileBinder.MODALITY.value(m).replace('_', ' '));
        }
    }

    private final Set<String> editions;
    private final Map<String, ProcedureCodes.Code> codes;
    private final DiagnosisCodes diagnosisCodes;
    private final List<Problem> problems = new ArrayList<>();
    /** Facts the record raises without establishing them: they reach the rules as not documented. */
    private final List<UncertainFinding> uncertain = new ArrayList<>();

    FactAssembler(Set<String> editions, Map<String, ProcedureCodes.Code> codes, DiagnosisCodes diagnosisCodes) {
        this.editions = editions;
        this.codes = codes;
        this.diagnosisCodes = diagnosisCodes;
    }

    List<Problem> problems() {
        return problems;
    }

    CaseFacts assemble(CaseFileDto dto) {
        if (dto.odgEdition() != null && !editions.contains(dto.odgEdition())) {
            problems.add(new Problem("$.odgEdition", "one of " + String.join(", ", new java.util.TreeSet<>(editions))));
        }
        CaseContext context = new CaseContext(dto.caseId(), dto.jurisdiction(),
                dto.odgEdition(), date(dto.requestDate(), () -> "$.requestDate"), date(dto.injuryDate(), () -> "$.injuryDate"));
        List<RequestedService> items = items(dto.items());
        List<ClinicalFinding> findings = new ArrayList<>();
        List<Diagnosis> diagnoses = new ArrayList<>();
        if (dto.clinical() != null) {
            Map<FindingKind, CaseFileDto.Finding> named = dto.clinical().findings();
            if (!named.isEmpty()) {
                for (FindingKind kind : CaseFileBinder.IN_KEY_ORDER) {
                    CaseFileDto.Finding f = named.get(kind);
                    if (f == null) {
                        continue;
                    }
                    ClinicalFinding finding = finding(kind, f, () -> "$.clinical." + CaseFileBinder.key(kind));
                    if (finding != null) {
                        findings.add(finding);
                    }
                }
            }
            List<CaseFileDto.DiagnosisEntry> listed = dto.clinical().diagnoses();
            for (int i = 0; i < listed.size(); i++) {
                int at = i;
                diagnoses.add(diagnosis(listed.get(i), () -> "$.clinical.diagnoses[" + at + "]"));
            }
        }
        List<ConservativeCare> care = new ArrayList<>();
        if (dto.conservativeCare() != null) {
            for (int i = 0; i < dto.conservativeCare().size(); i++) {
                CaseFileDto.Care c = dto.conservativeCare().get(i);
                int at = i;
                care.add(new ConservativeCare(c.modality(), c.weeks(), c.visits(), c.response(),
                        documented(c.functionalImprovement(), IMPROVEMENT_FROM.get(c.modality()),
                                () -> "$.conservativeCare[" + at + "].functionalImprovement"), c.note()));
            }
        }
        List<PriorProcedure> procedures = new ArrayList<>();
        if (dto.priorProcedures() != null) {
            for (int i = 0; i < dto.priorProcedures().size(); i++) {
                procedures.add(procedure(dto.priorProcedures().get(i), i));
            }
        }
        checkDateOrder(context, procedures);
        List<Object> plan = new ArrayList<>();
        CaseFileDto.Plan p = dto.plan();
        if (p != null) {
            plan(plan, PlanKind.ACTIVE_THERAPY, p.activeTherapy(), "$.plan.activeTherapy");
            plan(plan, PlanKind.SEDATION, p.sedation(), "$.plan.sedation");
            plan(plan, PlanKind.OPIOID_SEDATION, p.opioidSedation(), "$.plan.opioidSedation");
            plan(plan, PlanKind.HOME_PAIN_MEDICATION_WITHHELD, p.homePainMedicationWithheld(), "$.plan.homePainMedicationWithheld");
            plan(plan, PlanKind.PAIN_DIARY, p.painDiary(), "$.plan.painDiary");
            plan(plan, PlanKind.NEUROTOMY_PLANNED, p.neurotomyPlanned(), "$.plan.neurotomyPlanned");
            if (p.injectateVolumeCc() != null) {
                plan.add(new PlannedInjectate(p.injectateVolumeCc()));
            }
        }
        return new CaseFacts(context, items, findings, diagnoses, care, procedures, plan, uncertain);
    }

    private List<RequestedService> items(List<CaseFileDto.Item> dtos) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < dtos.size(); i++) {
            Integer earlier = index.putIfAbsent(dtos.get(i).id(), i);
            serviceOf(dtos.get(i), i, true);
            if (earlier != null) {
                problems.add(new Problem(itemPath(i) + ".id", "a unique item id (item " + earlier + " has the same id)"));
            }
        }
        List<RequestedService> out = new ArrayList<>(dtos.size());
        for (int i = 0; i < dtos.size(); i++) {
            CaseFileDto.Item d = dtos.get(i);
            ServiceType service = serviceOf(d, i, false);
            if (service == null) {
                continue;
            }
            if (service.associated() && d.primaryItem() == null) {
                problems.add(new Problem(itemPath(i) + ".primaryItem", "is required: the id of the procedure this "
                        + service.label() + " goes with"));
            } else if (!service.associated() && d.primaryItem() != null) {
                problems.add(new Problem(itemPath(i) + ".primaryItem", "only associated services (additional_level, "
                        + "imaging_guidance, iv_sedation) name a primary item"));
            } else if (d.primaryItem() != null) {
                Integer target = index.get(d.primaryItem());
                if (target == null) {
                    problems.add(new Problem(itemPath(i) + ".primaryItem", "the id of another item in this case (no item has this id)"));
                } else {
                    ServiceType primary = serviceOf(dtos.get(target), target, false);
                    if (primary != null && primary.associated()) {
                        problems.add(new Problem(itemPath(i) + ".primaryItem", "the id of a primary procedure (items[" + target
                                + "] is itself an associated service)"));
                    }
                }
            }
            int at = i;
            Levels levels = levels(d.levels(), () -> itemPath(at) + ".levels", levelContext(service));
            Region region = d.region();
            if (levels != null && levels.region() != null) {
                if (region == null) {
                    region = levels.region();
                } else if (region != levels.region()) {
                    problems.add(new Problem(itemPath(i) + ".region", "the region of the levels (" + levels.jointList()
                            + " are " + levels.region().label() + ", not " + region.label() + ")"));
                }
            }
            if (region == null) {
                region = regionFromCodes(d);
            }
            checkCodeRegions(d, region, i);
            if (region == null && service != ServiceType.MASSAGE_THERAPY && service != ServiceType.OTHER && !service.associated()) {
                problems.add(new Problem(itemPath(i) + ".region", "the spinal region (cervical, thoracic or lumbar) or the levels of the "
                        + service.label()));
            }
            out.add(new RequestedService(d.id(), d.request(), service, d.purpose(), region, levels, d.laterality(),
                    d.sessions() == null ? 1 : d.sessions(), d.sessions() != null, d.visits(), d.diagnosis(), d.cpt(),
                    d.primaryItem(), d.repeat(), Boolean.TRUE.equals(d.stagedSides()), d.set(), d.alternativeTo()));
        }
        return out;
    }

    private static String itemPath(int i) {
        return "$.items[" + i + "]";
    }

    /**
     * The item's service: as stated, or as its CPT codes say. Every code must fit the stated service;
     * a disagreement is reported, never resolved by picking one ({@code report} says whether to report).
     */
    private ServiceType serviceOf(CaseFileDto.Item d, int item, boolean report) {
        ServiceType stated = d.service();
        List<String> cpt = d.cpt() == null ? List.of() : d.cpt();
        ServiceType fromCodes = null;
        for (int k = 0; k < cpt.size(); k++) {
            ProcedureCodes.Code code = codes.get(cpt.get(k));
            if (code == null) {
                if (report) {
                    problems.add(new Problem(itemPath(item) + ".cpt[" + k + "]", "a procedure code urcheck knows ("
                            + String.join(", ", new java.util.TreeSet<>(codes.keySet())) + "); " + cpt.get(k) + " is not one"));
                }
                return null;
            }
            if (stated != null && !code.services().contains(CaseFileBinder.SERVICE.value(stated))) {
                if (report) {
                    problems.add(new Problem(itemPath(item) + ".cpt[" + k + "]", "a code that fits the service "
                            + CaseFileBinder.SERVICE.value(stated) + "; " + code.code() + " is " + code.description()
                            + " (service " + String.join(" or ", code.services()) + "). Correct the code or the service"));
                }
                return null;
            }
            if (fromCodes == null) {
                fromCodes = fromTable(CaseFileBinder.SERVICE, ServiceType.class, code.services().get(0));
            }
        }
        return stated != null ? stated : fromCodes;
    }

    private void checkCodeRegions(CaseFileDto.Item d, Region region, int item) {
        if (d.cpt() == null || region == null) {
            return;
        }
        for (int k = 0; k < d.cpt().size(); k++) {
            ProcedureCodes.Code code = codes.get(d.cpt().get(k));
            if (code != null && !code.regions().isEmpty() && !code.regions().contains(CaseFileBinder.REGION.value(region))) {
                problems.add(new Problem(itemPath(item) + ".cpt[" + k + "]", "a code for the " + region.label() + " spine; "
                        + code.code() + " is " + code.description()));
            }
        }
    }

    /** A code that names one region (lumbar codes) gives the item its region when nothing else does. */
    private Region regionFromCodes(CaseFileDto.Item d) {
        if (d.cpt() == null) {
            return null;
        }
        for (String c : d.cpt()) {
            ProcedureCodes.Code code = codes.get(c);
            if (code != null && code.regions().size() == 1) {
                return fromTable(CaseFileBinder.REGION, Region.class, code.regions().get(0));
            }
        }
        return null;
    }

    /** A value of the code table (rules/procedure-codes.json), read as it always was: in any case. */
    private static <E extends Enum<E>> E fromTable(JsonEnum<E> values, Class<E> type, String value) {
        E e = values.get(value);
        return e != null ? e : Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    }

    /**
     * The request comes after the injury and after every earlier procedure. A case file that says otherwise
     * is refused, naming both fields: read as it stands, an injury dated after the request came out as "under
     * 3 months" (acute-care rules) and a procedure dated after the request counted as earlier. Only a
     * certain conflict is refused: partial dates ("2016-03") conflict when every day they may mean does.
     * A procedure before the injury is accepted: records hold treatment for an earlier complaint (a cervical
     * injection years before a lumbar work injury), and the rules judge such history by region and date.
     */
    private void checkDateOrder(CaseContext context, List<PriorProcedure> procedures) {
        PartialDate injury = context.injuryDate();
        PartialDate request = context.requestDate();
        if (injury != null && request != null && certainlyAfter(injury, request)) {
            problems.add(new Problem("$.injuryDate", "a date on or before $.requestDate: the injury is dated after the request"));
        }
        for (int i = 0; i < procedures.size(); i++) {
            PartialDate done = procedures.get(i).date();
            if (done == null) {
                continue;
            }
            if (request != null && certainlyAfter(done, request)) {
                problems.add(new Problem("$.priorProcedures[" + i + "].date",
                        "a date on or before $.requestDate: an earlier procedure is dated after the request"));
            }
        }
    }

    private static boolean certainlyAfter(PartialDate a, PartialDate b) {
        return a.earliest().isAfter(b.latest());
    }

    private void plan(List<Object> plan, PlanKind kind, CaseFileDto.Finding f, String path) {
        Documented status = documented(f, kind.label(), () -> path);
        if (status != Documented.NOT_DOCUMENTED) {
            plan.add(new PlannedTreatment(kind, status, f.note()));
        }
    }

    private PriorProcedure procedure(CaseFileDto.Procedure p, int i) {
        ProcedureType type = p.type();
        Levels levels = levels(p.levels(), () -> procedurePath(i) + ".levels",
                type == ProcedureType.FACET_INJECTION ? LevelContext.INTRA_ARTICULAR : LevelContext.MEDIAL_BRANCH);
        Region region = p.region() == null ? (levels == null ? null : levels.region()) : p.region();
        CaseFileDto.FunctionalChange fc = p.functionalChange();
        return new PriorProcedure(type, date(p.date(), () -> procedurePath(i) + ".date"), region, levels,
                p.reliefPercent() == null ? null : (int) Math.floor(p.reliefPercent()),
                p.reliefDuration() == null ? null : p.reliefDuration().hours(),
                p.reliefDuration() == null ? null : p.reliefDuration().text(),
                p.qualitativeRelief(), p.anesthetic(),
                documented(fc == null ? null : fc.workStatusImproved(), "work status improved after an earlier procedure",
                        () -> procedurePath(i) + ".functionalChange.workStatusImproved"),
                documented(fc == null ? null : fc.adlImproved(), "ADLs improved after an earlier procedure",
                        () -> procedurePath(i) + ".functionalChange.adlImproved"),
                documented(fc == null ? null : fc.medicationReduced(), "medication reduced after an earlier procedure",
                        () -> procedurePath(i) + ".functionalChange.medicationReduced"),
                documented(fc == null ? null : fc.painScaleRecorded(), "relief recorded on a pain scale",
                        () -> procedurePath(i) + ".functionalChange.painScaleRecorded"),
                p.note());
    }

    private static String procedurePath(int i) {
        return "$.priorProcedures[" + i + "]";
    }

    private Diagnosis diagnosis(CaseFileDto.DiagnosisEntry d, Where where) {
        DiagnosisCondition condition = d.condition() != null ? d.condition() : diagnosisCodes.conditionOf(d.icd10());
        if (d.uncertain()) {
            uncertain.add(new UncertainFinding("diagnosis of " + condition.label(), where.path(), d.note()));
        }
        return new Diagnosis(condition, d.icd10(), levels(d.levels(), () -> where.path() + ".levels", LevelContext.MEDIAL_BRANCH),
                d.uncertain(), d.note());
    }

    private ClinicalFinding finding(FindingKind kind, CaseFileDto.Finding f, Where where) {
        Documented status = documented(f, kind.label(), where);
        if (status == Documented.NOT_DOCUMENTED) {
            return null;
        }
        return new ClinicalFinding(kind, status, levels(f.levels(), () -> where.path() + ".levels", LevelContext.MEDIAL_BRANCH),
                f.note());
    }

    /** How lone names in the levels are read depends on what the service targets (docs/level-grammar.md). */
    private static LevelContext levelContext(ServiceType service) {
        return switch (service) {
            case THERAPEUTIC_FACET_INJECTION -> LevelContext.INTRA_ARTICULAR;
            case FACET_JOINT_INJECTION -> LevelContext.UNSPECIFIED;
            default -> LevelContext.MEDIAL_BRANCH;
        };
    }

    private Levels levels(String written, Where where, LevelContext context) {
        if (written == null) {
            return null;
        }
        try {
            return LevelParser.parse(written, context);
        } catch (LevelException e) {
            // The message names segments ("C9"), never the rest of what was written: that is the record's text.
            problems.add(new Problem(where.path(), "is not a facet level; expected " + e.getMessage()));
            return null;
        }
    }

    private PartialDate date(String text, Where where) {
        if (text == null) {
            return null;
        }
        try {
            return PartialDate.parse(text);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(where.path(), e.getMessage()));
            return null;
        }
    }

    /** The finding's status; an uncertain one is noted for the reviewer and reaches the rules as not documented. */
    private Documented documented(CaseFileDto.Finding f, String what, Where where) {
        Documented status = f == null ? Documented.NOT_DOCUMENTED : f.status();
        if (status == Documented.UNCERTAIN) {
            uncertain.add(new UncertainFinding(what, where.path(), f.note()));
            return Documented.NOT_DOCUMENTED;
        }
        return status;
    }
}
