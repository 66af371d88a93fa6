package urcheck.engine;

import urcheck.facts.CaseFact;

/**
 * The decision on one requested item: the determination on the record as it stands ({@code verdict},
 * as an IMR reviewer judges it), the three-way {@code outcome} that says whether a stop or missing
 * documentation decided it, the rule that reached it and a one-line reason.
 */
public record Determination(String itemId, Verdict verdict, ItemOutcome outcome, String reason, String rule,
                            int caseKey) implements CaseFact {

    /** A result for the only case in its session (key 0). */
    public Determination(String itemId, Verdict verdict, ItemOutcome outcome, String reason, String rule) {
        this(itemId, verdict, outcome, reason, rule, 0);
    }

}
