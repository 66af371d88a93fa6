package urcheck.catalogue;

import java.util.List;

/**
 * A criterion as the catalogue describes it to people: what it asks; its kind, "prerequisite" (must
 * be documented before approval), "factor" (one of several the guideline weighs together: a rule
 * of the group weighs them, a factor alone never decides), "exclusion" (decides only when documented
 * present) or "procedural" (governs how the procedure is done or what accompanies it: decides when
 * documented not met) or "limit" (a number the guideline caps, such as visits for a diagnosis: decides
 * when documented over it); {@code why} that kind, from the guideline's wording; what a provider documents
 * to show it; and the statuses it can take (some guideline statements can never be "met").
 */
public record CriterionEntry(String id, String section, String text, String kind, String why, String document,
                             List<String> outcomes) {

    public static final List<String> KINDS = List.of("prerequisite", "factor", "exclusion", "procedural", "limit");

    public boolean prerequisite() {
        return "prerequisite".equals(kind);
    }

    public boolean factor() {
        return "factor".equals(kind);
    }
}
