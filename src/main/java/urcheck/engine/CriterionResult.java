package urcheck.engine;

import urcheck.facts.CaseFact;

import java.util.List;

/**
 * What one criterion rule concluded for one requested item. {@code stop}: a criterion documented not met,
 * which more documentation will not cure. {@code missing}: a prerequisite not documented, which the
 * provider can document. Either keeps the item from approval ({@link #blocking()}); an exclusion,
 * factor or procedural criterion left undocumented is something to document, not a reason to deny.
 */
public record CriterionResult(String itemId, String criterionId, CriterionStatus status, String finding,
                              List<String> facts, boolean stop, boolean missing, String rule,
                              int caseKey) implements CaseFact {

    /** A result for the only case in its session (key 0). */
    public CriterionResult(String itemId, String criterionId, CriterionStatus status, String finding, List<String>
            facts, boolean stop, boolean missing, String rule) {
        this(itemId, criterionId, status, finding, facts, stop, missing, rule, 0);
    }

    public CriterionResult {
        facts = List.copyOf(facts);
    }

    public boolean blocking() {
        return stop || missing;
    }
}
