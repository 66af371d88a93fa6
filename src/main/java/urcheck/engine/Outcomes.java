package urcheck.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import urcheck.catalogue.CriteriaCatalogue;
import urcheck.catalogue.CriterionEntry;
import urcheck.facts.Evidence;
import urcheck.facts.RequestedService;

/**
 * The vocabulary rules use to state results ({@code insert(outcome.notMet($item, "...", $fact))}).
 * It knows which rule is firing, so the criterion id comes from that rule's {@code @criterion}
 * metadata and never has to be repeated in the consequence. One instance per session.
 */
public final class Outcomes extends DefaultAgendaEventListener {

    private final CriteriaCatalogue catalogue;
    private Rule firing;

    public Outcomes(CriteriaCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        firing = event.getMatch().getRule();
    }

    public CriterionResult met(RequestedService item, String finding, Object... evidence) {
        return result(item, CriterionStatus.MET, finding, evidence);
    }

    public CriterionResult notMet(RequestedService item, String finding, Object... evidence) {
        return result(item, CriterionStatus.NOT_MET, finding, evidence);
    }

    public CriterionResult notDocumented(RequestedService item, String finding, Object... evidence) {
        return result(item, CriterionStatus.NOT_DOCUMENTED, finding, evidence);
    }

    public CriterionResult notApplicable(RequestedService item, String finding, Object... evidence) {
        return result(item, CriterionStatus.NOT_APPLICABLE, finding, evidence);
    }

    public Governs governs(RequestedService item, String section, String chapter, String why) {
        return new Governs(item.id(), section, chapter, why, item.caseKey());
    }

    public WorkflowAction approvable(RequestedService item, String reason) {
        return new WorkflowAction(item.id(), WorkflowAction.Action.MAY_BE_APPROVED, reason,
                firing.getName(), item.caseKey());
    }

    public WorkflowAction referToPhysician(RequestedService item, String reason) {
        return new WorkflowAction(item.id(), WorkflowAction.Action.REFER_TO_PHYSICIAN_REVIEWER, reason,
                firing.getName(), item.caseKey());
    }

    public Determination decide(RequestedService item, Verdict verdict, ItemOutcome outcome, String reason) {
        return new Determination(item.id(), verdict, outcome, reason,
                firing.getName(), item.caseKey());
    }

    public WorkflowAction requestInformation(RequestedService item, String reason) {
        return new WorkflowAction(item.id(), WorkflowAction.Action.REQUEST_ADDITIONAL_INFORMATION, reason,
                firing.getName(), item.caseKey());
    }

    /**
     * A cited fact in the words of the record. Anything else (a declared type, a collected list of them) would reach
     * the answer as its toString, field names and case key included: the rule is wrong, so the check stops.
     */
    private String describe(Object fact) {
        if (fact instanceof Evidence ev) {
            return ev.describe();
        }
        throw new IllegalStateException("rule \"" + firing.getName() + "\" cites a " + fact.getClass().getSimpleName()
                + ", which cannot describe itself; cite the facts it holds");
    }

    private CriterionResult result(RequestedService item, CriterionStatus status, String finding, Object[] evidence) {
        Map<String, Object> meta = firing.getMetaData();
        Object id = meta.get("criterion");
        if (id == null) {
            throw new IllegalStateException("rule \"" + firing.getName() + "\" states a criterion result but has no @criterion");
        }
        CriterionEntry entry = catalogue.criterion(id.toString());
        if (entry == null) {
            throw new IllegalStateException("rule \"" + firing.getName() + "\" names criterion " + id
                    + ", which the catalogue does not list");
        }
        List<String> facts = new ArrayList<>();
        for (Object e : evidence) {
            if (e instanceof java.util.Collection<?> many) {
                // A collected list comes in working-memory order, which depends on insertion order: sort it.
                many.stream().map(this::describe).sorted().forEach(facts::add);
            } else if (e != null) {
                facts.add(describe(e));
            }
        }
        // A factor is weighed with the others of its group by a rule of its own; alone it never decides.
        boolean stop = status == CriterionStatus.NOT_MET && !entry.factor();
        boolean missing = status == CriterionStatus.NOT_DOCUMENTED && entry.prerequisite();
        return new CriterionResult(item.id(), entry.id(), status, finding, facts, stop, missing, firing.getName(),
                item.caseKey());
    }
}
