package urcheck.answer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import urcheck.catalogue.Citation;
import urcheck.catalogue.CriterionEntry;
import urcheck.catalogue.SectionEntry;
import urcheck.engine.CriterionResult;
import urcheck.engine.CriterionStatus;
import urcheck.engine.Determination;
import urcheck.engine.Evaluation;
import urcheck.engine.Governs;
import urcheck.engine.ItemOutcome;
import urcheck.engine.RuleBase;
import urcheck.engine.Verdict;
import urcheck.engine.WorkflowAction;
import urcheck.facts.RequestedService;
import urcheck.levels.Joint;

/** Explains an evaluation: per item, the determination, the governing guideline, each criterion and why. */
public final class AnswerBuilder {

    private final RuleBase rules;
    private final String version;
    /** Citation texts by ODG edition and criterion id, and documentationNeeded lines by criterion id. */
    private final Map<String, Map<String, Optional<String>>> citations = new ConcurrentHashMap<>();
    private final Map<String, String> documentLines = new ConcurrentHashMap<>();

    public AnswerBuilder(RuleBase rules, String version) {
        this.rules = rules;
        this.version = version;
    }

    public CaseAnswer answer(Evaluation evaluation) {
        List<ItemAnswer> items = new ArrayList<>();
        Map<String, RequestedService> byId = new LinkedHashMap<>();
        evaluation.facts().items().forEach(i -> byId.put(i.id(), i));
        for (RequestedService item : evaluation.facts().items()) {
            items.add(item(item, evaluation, byId));
        }
        return new CaseAnswer(version, rules.knowledgeVersion(), evaluation.facts().context().caseId(),
                evaluation.facts().context().jurisdiction().name(), evaluation.odgEdition(), items,
                reviewerFlags(evaluation));
    }

    /** What the record raises without establishing it, for the reviewer to look at; null when nothing. */
    static List<String> reviewerFlags(Evaluation evaluation) {
        List<String> flags = evaluation.facts().uncertain().stream()
                .map(u -> u.describe() + " [" + u.field() + "]: decided as not documented; a reviewer should look").toList();
        return flags.isEmpty() ? null : flags;
    }

    private ItemAnswer item(RequestedService item, Evaluation ev, Map<String, RequestedService> byId) {
        Determination d = ev.determinations().get(item.id());
        Governs g = ev.governing().get(item.id());
        List<CriterionResult> results = ev.resultsFor(item.id());
        List<ItemAnswer.CriterionAnswer> criteria = criteria(results, ev.odgEdition());
        List<String> docs = new ArrayList<>();
        for (ItemAnswer.CriterionAnswer c : criteria) {
            if (CriterionStatus.NOT_DOCUMENTED.name().equals(c.status())) {
                docs.add(documentLine(c.id()));
            }
        }
        ItemAnswer.LevelsAnswer levels = item.levels() == null ? null : new ItemAnswer.LevelsAnswer(
                item.levels().asWritten(), item.levels().joints().stream().map(Joint::name).toList(),
                item.levels().readAs(), item.levels().ambiguous());
        return new ItemAnswer(item.id(), item.request(), item.service().name(),
                item.region() == null ? null : item.region().name(), levels,
                item.laterality() == null ? null : item.laterality().name(),
                item.sessionsStated() ? item.sessions() : null, item.visits(), item.primaryItem(),
                d.outcome().name(), d.outcome().label(), decidedBy(d, results),
                d.verdict().name(), d.verdict().imrPrediction(), imrBasis(d, results),
                workflow(ev.workflowFor(item.id())), guideline(g, byId, ev),
                criteria, RationaleWriter.write(item, d, g, criteria, g == null ? null : rules.catalogue().section(g.section()),
                byId, ev), docs);
    }

    /** The stops when there are any (documentation will not change them), else the prerequisites to document. */
    private List<ItemAnswer.DecidingCriterion> decidedBy(Determination d, List<CriterionResult> results) {
        if (d.outcome() != ItemOutcome.CRITERIA_NOT_MET && d.outcome() != ItemOutcome.INFORMATION_NEEDED) {
            return null;
        }
        boolean stops = d.outcome() == ItemOutcome.CRITERIA_NOT_MET;
        List<CriterionResult> deciding = new ArrayList<>();
        for (CriterionResult r : results) {
            if (stops ? r.stop() : r.missing()) {
                deciding.add(r);
            }
        }
        // Stable: of several results of one criterion, the first the rules stated stands.
        deciding.sort(Comparator.comparingInt(r -> rules.catalogue().orderOf(r.criterionId())));
        Map<String, ItemAnswer.DecidingCriterion> out = new LinkedHashMap<>();
        for (CriterionResult r : deciding) {
            out.putIfAbsent(r.criterionId(), new ItemAnswer.DecidingCriterion(r.criterionId(),
                    r.status().name(), r.finding(), stops ? null : rules.catalogue().criterion(r.criterionId()).document()));
        }
        return List.copyOf(out.values());
    }

    /** What the IMR prediction rests on: an IMR reviewer judges the record as it is (seed 001). */
    private static String imrBasis(Determination d, List<CriterionResult> results) {
        return switch (d.outcome()) {
            case CRITERIA_MET -> "The record documents every criterion that decides; a denial would likely be overturned.";
            case CRITERIA_NOT_MET -> "A criterion is documented not met (" + idsWhere(results, true)
                    + "); a denial would likely be upheld.";
            case INFORMATION_NEEDED -> "The record as it stands: an IMR reviewer judges the record as it is, and "
                    + idsWhere(results, false)
                    + " not documented would likely see a denial upheld; documented, they would likely see it overturned.";
            case NOT_COVERED -> null;
        };
    }

    /** The ids of the criteria with a stop (or a missing prerequisite), each once, sorted, joined by ", ". */
    private static String idsWhere(List<CriterionResult> results, boolean stop) {
        Set<String> ids = new TreeSet<>();
        for (CriterionResult r : results) {
            if (stop ? r.stop() : r.missing()) {
                ids.add(r.criterionId());
            }
        }
        return String.join(", ", ids);
    }

    private static ItemAnswer.WorkflowAnswer workflow(List<WorkflowAction> actions) {
        WorkflowAction.Action action = action(actions);
        if (action == null) {
            return null;
        }
        Set<String> reasons = new LinkedHashSet<>();
        for (WorkflowAction a : actions) {
            if (a.action() == action) {
                reasons.add(a.reason());
            }
        }
        return new ItemAnswer.WorkflowAnswer(action.name(), Collections.unmodifiableList(new ArrayList<>(reasons)));
    }

    /** The most serious next step wins: a physician reviewer over a request for information over approval. */
    static WorkflowAction.Action action(List<WorkflowAction> actions) {
        WorkflowAction.Action action = null;
        for (WorkflowAction a : actions) {
            if (action == null || a.action().ordinal() > action.ordinal()) {
                action = a.action();
            }
        }
        return action;
    }

    private ItemAnswer.GuidelineAnswer guideline(Governs g, Map<String, RequestedService> byId, Evaluation ev) {
        if (g == null) {
            return null;
        }
        SectionEntry s = rules.catalogue().section(g.section());
        if (s == null) {
            return new ItemAnswer.GuidelineAnswer(g.section(), null, g.chapter(), null, null, null, g.why());
        }
        return new ItemAnswer.GuidelineAnswer(s.id(), s.guideline(), g.chapter(), s.title(), s.edition(), s.position(), g.why());
    }

    private List<ItemAnswer.CriterionAnswer> criteria(List<CriterionResult> results, String edition) {
        List<ItemAnswer.CriterionAnswer> out = new ArrayList<>();
        for (CriterionGroup c : CriterionGroup.of(results, rules.catalogue())) {
            CriterionEntry entry = rules.catalogue().criterion(c.id());
            out.add(new ItemAnswer.CriterionAnswer(c.id(), entry.text(edition), entry.kind(), c.status().name(),
                    c.finding(), c.facts(), citationText(c.id(), edition)));
        }
        return out;
    }

    /**
     * A criterion's citation as an answer under this ODG edition states it, or null. It depends on the knowledge
     * base alone, so each is made once (it was a fifth of building an answer).
     */
    private String citationText(String id, String edition) {
        return citations.computeIfAbsent(edition, e -> new ConcurrentHashMap<>())
                .computeIfAbsent(id, k -> Optional.ofNullable(citation(k, edition)).map(Citation::text)).orElse(null);
    }

    private Citation citation(String id, String edition) {
        CriterionEntry entry = rules.catalogue().criterion(id);
        Citation citation = rules.citation(id);
        CriterionEntry.EditionWording wording = entry.editions().get(edition);
        if (wording != null && citation != null) {
            citation = new Citation(citation.guideline(), citation.chapter(), citation.section(),
                    wording.locator() == null ? citation.locator() : wording.locator(),
                    wording.edition() == null ? citation.edition() : wording.edition());
        } else if (citation != null && "ODG".equals(citation.guideline()) && !edition.equals(rules.numbers().defaultEdition())) {
            // The criterion reads the same in both editions as far as the record here shows: say which one applied.
            citation = new Citation(citation.guideline(), citation.chapter(), citation.section(), citation.locator(),
                    citation.edition() + "; applied as edition " + edition);
        }
        return citation;
    }

    /** "ODG-FJDB-2: what to document", for documentationNeeded: from the catalogue alone, so made once. */
    private String documentLine(String id) {
        return documentLines.computeIfAbsent(id, k -> {
            CriterionEntry e = rules.catalogue().criterion(k);
            return k + ": " + e.document()
                    + ("prerequisite".equals(e.kind()) ? "" : " (" + e.kind() + " criterion: does not decide alone)");
        });
    }

    /** Whether rules gave one criterion of one item results of different statuses (a knowledge-base defect). */
    public static List<String> conflicts(Evaluation ev) {
        List<String> out = new ArrayList<>();
        ev.results().forEach((item, results) -> results.stream()
                .collect(Collectors.groupingBy(CriterionResult::criterionId,
                        Collectors.mapping(CriterionResult::status, Collectors.toSet())))
                .forEach((criterion, statuses) -> {
                    if (statuses.size() > 1) {
                        out.add("item " + item + ", " + criterion + ": " + statuses);
                    }
                }));
        return out;
    }

    static String verdictLabel(Verdict v) {
        return v.label();
    }
}
