package urcheck.engine;

/**
 * The decision on one requested item: the determination on the record as it stands ({@code verdict},
 * as an IMR reviewer judges it), the three-way {@code outcome} that says whether a stop or missing
 * documentation decided it, the rule that reached it and a one-line reason.
 */
public record Determination(String itemId, Verdict verdict, ItemOutcome outcome, String reason, String rule) {
}
