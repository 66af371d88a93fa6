package urcheck.casefile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import urcheck.facts.CareModality;
import urcheck.facts.CareResponse;
import urcheck.facts.CaseContext;
import urcheck.facts.ClinicalFinding;
import urcheck.facts.ConservativeCare;
import urcheck.facts.Documented;
import urcheck.facts.FindingKind;
import urcheck.facts.Jurisdiction;
import urcheck.facts.Laterality;
import urcheck.facts.PartialDate;
import urcheck.facts.PlanKind;
import urcheck.facts.PlannedTreatment;
import urcheck.facts.PriorProcedure;
import urcheck.facts.ProcedureType;
import urcheck.facts.Purpose;
import urcheck.facts.Region;
import urcheck.facts.RequestedService;
import urcheck.facts.ServiceType;
import urcheck.levels.LevelException;
import urcheck.levels.LevelParser;
import urcheck.levels.Levels;

/** Turns a schema-valid case file into facts, noting what a schema cannot check. */
final class FactAssembler {

    private final Set<String> editions;
    private final List<Problem> problems = new ArrayList<>();

    FactAssembler(Set<String> editions) {
        this.editions = editions;
    }

    List<Problem> problems() {
        return problems;
    }

    CaseFacts assemble(CaseFileDto dto) {
        if (dto.odgEdition() != null && !editions.contains(dto.odgEdition())) {
            problems.add(new Problem("$.odgEdition", "one of " + String.join(", ", new java.util.TreeSet<>(editions))));
        }
        CaseContext context = new CaseContext(dto.caseId(), enumOf(Jurisdiction.class, dto.jurisdiction()),
                dto.odgEdition(), date(dto.requestDate(), "$.requestDate"), date(dto.injuryDate(), "$.injuryDate"));
        List<RequestedService> items = items(dto.items());
        List<ClinicalFinding> findings = new ArrayList<>();
        if (dto.clinical() != null) {
            for (Map.Entry<String, CaseFileDto.Finding> e : new java.util.TreeMap<>(dto.clinical()).entrySet()) {
                ClinicalFinding f = finding(FindingKind.valueOf(snake(e.getKey())), e.getValue(), "$.clinical." + e.getKey());
                if (f != null) {
                    findings.add(f);
                }
            }
        }
        List<ConservativeCare> care = new ArrayList<>();
        if (dto.conservativeCare() != null) {
            for (CaseFileDto.Care c : dto.conservativeCare()) {
                care.add(new ConservativeCare(enumOf(CareModality.class, c.modality()), c.weeks(),
                        enumOf(CareResponse.class, c.response()), c.note()));
            }
        }
        List<PriorProcedure> procedures = new ArrayList<>();
        if (dto.priorProcedures() != null) {
            for (int i = 0; i < dto.priorProcedures().size(); i++) {
                procedures.add(procedure(dto.priorProcedures().get(i), "$.priorProcedures[" + i + "]"));
            }
        }
        List<PlannedTreatment> plan = new ArrayList<>();
        if (dto.plan() != null) {
            for (Map.Entry<String, CaseFileDto.Finding> e : new java.util.TreeMap<>(dto.plan()).entrySet()) {
                Documented status = documented(e.getValue());
                if (status != Documented.NOT_DOCUMENTED) {
                    plan.add(new PlannedTreatment(PlanKind.valueOf(snake(e.getKey())), status, e.getValue().note()));
                }
            }
        }
        return new CaseFacts(context, items, findings, care, procedures, plan);
    }

    private List<RequestedService> items(List<CaseFileDto.Item> dtos) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < dtos.size(); i++) {
            Integer earlier = index.putIfAbsent(dtos.get(i).id(), i);
            if (earlier != null) {
                problems.add(new Problem("$.items[" + i + "].id", "a unique item id (item " + earlier + " has the same id)"));
            }
        }
        List<RequestedService> out = new ArrayList<>();
        for (int i = 0; i < dtos.size(); i++) {
            CaseFileDto.Item d = dtos.get(i);
            String path = "$.items[" + i + "]";
            ServiceType service = enumOf(ServiceType.class, d.service());
            if (d.primaryItem() != null) {
                Integer target = index.get(d.primaryItem());
                if (target == null) {
                    problems.add(new Problem(path + ".primaryItem", "the id of another item in this case (no item has id \""
                            + d.primaryItem() + "\")"));
                } else if (enumOf(ServiceType.class, dtos.get(target).service()).associated()) {
                    problems.add(new Problem(path + ".primaryItem", "the id of a primary procedure (item \""
                            + d.primaryItem() + "\" is itself an associated service)"));
                }
            }
            Levels levels = levels(d.levels(), path + ".levels");
            Region region = d.region() == null ? null : enumOf(Region.class, d.region());
            if (levels != null && levels.region() != null) {
                if (region == null) {
                    region = levels.region();
                } else if (region != levels.region()) {
                    problems.add(new Problem(path + ".region", "the region of the levels (" + levels.jointList()
                            + " are " + levels.region().label() + ", not " + region.label() + ")"));
                }
            }
            if (region == null && service != ServiceType.MASSAGE_THERAPY && service != ServiceType.OTHER && !service.associated()) {
                problems.add(new Problem(path + ".region", "the spinal region (cervical, thoracic or lumbar) or the levels of the "
                        + service.label()));
            }
            out.add(new RequestedService(d.id(), d.request(), service,
                    d.purpose() == null ? null : enumOf(Purpose.class, d.purpose()), region, levels,
                    d.laterality() == null ? null : enumOf(Laterality.class, d.laterality()),
                    d.sessions() == null ? 1 : d.sessions(), d.sessions() != null, d.visits(),
                    d.primaryItem(), d.repeat()));
        }
        return out;
    }

    private PriorProcedure procedure(CaseFileDto.Procedure p, String path) {
        Levels levels = levels(p.levels(), path + ".levels");
        Region region = p.region() == null ? (levels == null ? null : levels.region()) : enumOf(Region.class, p.region());
        CaseFileDto.FunctionalChange fc = p.functionalChange();
        return new PriorProcedure(enumOf(ProcedureType.class, p.type()), date(p.date(), path + ".date"), region, levels,
                p.reliefPercent() == null ? null : (int) Math.floor(p.reliefPercent()),
                p.reliefDuration() == null ? null : p.reliefDuration().hours(),
                p.reliefDuration() == null ? null : p.reliefDuration().text(),
                documented(fc == null ? null : fc.workStatusImproved()),
                documented(fc == null ? null : fc.adlImproved()),
                documented(fc == null ? null : fc.medicationReduced()),
                documented(fc == null ? null : fc.painScaleRecorded()),
                p.note());
    }

    private ClinicalFinding finding(FindingKind kind, CaseFileDto.Finding f, String path) {
        Documented status = documented(f);
        if (status == Documented.NOT_DOCUMENTED) {
            return null;
        }
        return new ClinicalFinding(kind, status, levels(f.levels(), path + ".levels"), f.note());
    }

    private Levels levels(String written, String path) {
        if (written == null) {
            return null;
        }
        try {
            return LevelParser.parse(written);
        } catch (LevelException e) {
            problems.add(new Problem(path, "\"" + written + "\" is not a facet level; expected " + e.getMessage()));
            return null;
        }
    }

    private PartialDate date(String text, String path) {
        if (text == null) {
            return null;
        }
        try {
            return PartialDate.parse(text);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(path, e.getMessage()));
            return null;
        }
    }

    private static Documented documented(CaseFileDto.Finding f) {
        return f == null ? Documented.NOT_DOCUMENTED : enumOf(Documented.class, f.status());
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String jsonValue) {
        return Enum.valueOf(type, jsonValue.toUpperCase(Locale.ROOT));
    }

    /** radicularSymptoms -> RADICULAR_SYMPTOMS */
    private static String snake(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}
