package urcheck.answer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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

    /** When rules give one criterion several results, the strictest stands (and a test forbids the conflict). */
    private static final List<CriterionStatus> PRECEDENCE = List.of(CriterionStatus.NOT_MET,
            CriterionStatus.NOT_DOCUMENTED, CriterionStatus.MET, CriterionStatus.NOT_APPLICABLE);

    private final RuleBase rules;
    private final String version;

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
        List<String> flags = evaluation.facts().uncertain().stream()
                .map(u -> u.describe() + " [" + u.field() + "]: decided as not documented; a reviewer should look").toList();
        return new CaseAnswer(version, rules.knowledgeVersion(), evaluation.facts().context().caseId(),
                evaluation.facts().context().jurisdiction().name(), evaluation.odgEdition(), items,
                flags.isEmpty() ? null : flags);
    }

    private ItemAnswer item(RequestedService item, Evaluation ev, Map<String, RequestedService> byId) {
        Determination d = ev.determinations().get(item.id());
        Governs g = ev.governing().get(item.id());
        List<ItemAnswer.CriterionAnswer> criteria = criteria(ev.resultsFor(item.id()), ev.odgEdition());
        List<String> docs = new ArrayList<>();
        for (ItemAnswer.CriterionAnswer c : criteria) {
            if (CriterionStatus.NOT_DOCUMENTED.name().equals(c.status())) {
                CriterionEntry e = rules.catalogue().criterion(c.id());
                docs.add(c.id() + ": " + e.document()
                        + ("prerequisite".equals(e.kind()) ? "" : " (" + e.kind() + " criterion: does not decide alone)"));
            }
        }
        ItemAnswer.LevelsAnswer levels = item.levels() == null ? null : new ItemAnswer.LevelsAnswer(
                item.levels().asWritten(), item.levels().joints().stream().map(Joint::name).toList(),
                item.levels().readAs(), item.levels().ambiguous());
        return new ItemAnswer(item.id(), item.request(), item.service().name(),
                item.region() == null ? null : item.region().name(), levels,
                item.laterality() == null ? null : item.laterality().name(),
                item.sessionsStated() ? item.sessions() : null, item.visits(), item.primaryItem(),
                d.outcome().name(), d.outcome().label(), decidedBy(d, ev.resultsFor(item.id())),
                d.verdict().name(), d.verdict().imrPrediction(), imrBasis(d, ev.resultsFor(item.id())),
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
        Map<String, ItemAnswer.DecidingCriterion> out = new LinkedHashMap<>();
        results.stream().filter(r -> stops ? r.stop() : r.missing())
                .sorted(Comparator.comparingInt(r -> rules.catalogue().orderOf(r.criterionId())))
                .forEach(r -> out.putIfAbsent(r.criterionId(), new ItemAnswer.DecidingCriterion(r.criterionId(),
                        r.status().name(), r.finding(), stops ? null : rules.catalogue().criterion(r.criterionId()).document())));
        return List.copyOf(out.values());
    }

    /** What the IMR prediction rests on: an IMR reviewer judges the record as it is (seed 001). */
    private static String imrBasis(Determination d, List<CriterionResult> results) {
        return switch (d.outcome()) {
            case CRITERIA_MET -> "The record documents every criterion that decides; a denial would likely be overturned.";
            case CRITERIA_NOT_MET -> "A criterion is documented not met ("
                    + results.stream().filter(CriterionResult::stop).map(CriterionResult::criterionId).distinct()
                    .sorted().collect(Collectors.joining(", ")) + "); a denial would likely be upheld.";
            case INFORMATION_NEEDED -> "The record as it stands: an IMR reviewer judges the record as it is, and "
                    + results.stream().filter(CriterionResult::missing).map(CriterionResult::criterionId).distinct()
                    .sorted().collect(Collectors.joining(", "))
                    + " not documented would likely see a denial upheld; documented, they would likely see it overturned.";
            case NOT_COVERED -> null;
        };
    }

    private static ItemAnswer.WorkflowAnswer workflow(List<WorkflowAction> actions) {
        if (actions.isEmpty()) {
            return null;
        }
        // The most serious next step wins: a physician reviewer over a request for information over approval.
        WorkflowAction.Action action = actions.stream().map(WorkflowAction::action)
                .max(Comparator.comparingInt(WorkflowAction.Action::ordinal)).orElseThrow();
        return new ItemAnswer.WorkflowAnswer(action.name(), actions.stream().filter(a -> a.action() == action)
                .map(WorkflowAction::reason).distinct().toList());
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
        Map<String, List<CriterionResult>> byCriterion = results.stream()
                .collect(Collectors.groupingBy(CriterionResult::criterionId, LinkedHashMap::new, Collectors.toList()));
        List<ItemAnswer.CriterionAnswer> out = new ArrayList<>();
        byCriterion.entrySet().stream()
                .sorted(Comparator.comparingInt(e -> rules.catalogue().orderOf(e.getKey())))
                .forEach(e -> out.add(criterion(e.getKey(), e.getValue(), edition)));
        return out;
    }

    private ItemAnswer.CriterionAnswer criterion(String id, List<CriterionResult> results, String edition) {
        CriterionStatus status = results.stream().map(CriterionResult::status)
                .min(Comparator.comparingInt(PRECEDENCE::indexOf)).orElseThrow();
        Set<String> findings = new LinkedHashSet<>();
        // Sorted: the order rules bind facts (several matches of one rule, a collect) follows the order the
        // facts were inserted, and the answer must not depend on that.
        Set<String> facts = new TreeSet<>();
        for (CriterionResult r : results) {
            if (r.status() == status) {
                findings.add(r.finding());
                facts.addAll(r.facts());
            }
        }
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
        return new ItemAnswer.CriterionAnswer(id, entry.text(edition), entry.kind(), status.name(),
                String.join(" ", findings), List.copyOf(facts), citation == null ? null : citation.text());
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
