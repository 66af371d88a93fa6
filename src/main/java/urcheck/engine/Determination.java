package urcheck.engine;

/** The decision on one requested item, with the rule that reached it and a one-line reason. */
public record Determination(String itemId, Verdict verdict, String reason, String rule) {
}
