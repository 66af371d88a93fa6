package urcheck.engine;

import java.util.List;
import java.util.Map;
import urcheck.casefile.CaseFacts;

/** What the rules concluded for one case, before it is explained to anyone. */
public record Evaluation(CaseFacts facts, String odgEdition, Map<String, Governs> governing,
                         Map<String, List<CriterionResult>> results, Map<String, Determination> determinations,
                         Map<String, List<WorkflowAction>> workflow) {

    public List<CriterionResult> resultsFor(String itemId) {
        return results.getOrDefault(itemId, List.of());
    }

    public List<WorkflowAction> workflowFor(String itemId) {
        return workflow.getOrDefault(itemId, List.of());
    }
}
