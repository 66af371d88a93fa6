package urcheck.engine;

import urcheck.facts.CaseFact;

/**
 * What the UR workflow does next with an item, beside its determination: a request that meets the
 * criteria may be approved; anything else goes to a physician reviewer, who alone may deny or modify.
 * Rules may state several reasons for one item; each is one of these facts.
 */
public record WorkflowAction(String itemId, Action action, String reason, String rule,
                             int caseKey) implements CaseFact {

    /** A result for the only case in its session (key 0). */
    public WorkflowAction(String itemId, Action action, String reason, String rule) {
        this(itemId, action, reason, rule, 0);
    }

    public enum Action {
        MAY_BE_APPROVED, REQUEST_ADDITIONAL_INFORMATION, REFER_TO_PHYSICIAN_REVIEWER
    }
}
