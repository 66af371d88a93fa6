package urcheck.engine;

import java.util.List;

/**
 * What one criterion rule concluded for one requested item. {@code blocking} is true when this result
 * keeps the item from approval: a criterion not met, or a prerequisite criterion not documented
 * (a procedural criterion left undocumented is something to observe, not a reason to deny).
 */
public record CriterionResult(String itemId, String criterionId, CriterionStatus status, String finding,
                              List<String> facts, boolean blocking, String rule) {

    public CriterionResult {
        facts = List.copyOf(facts);
    }
}
