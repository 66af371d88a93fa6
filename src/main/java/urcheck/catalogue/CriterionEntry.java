package urcheck.catalogue;

import java.util.List;

/**
 * A criterion as the catalogue describes it to people: what it asks; its kind, "prerequisite" (must
 * be documented before approval), "exclusion" (decides only when documented present) or
 * "procedural" (governs how the procedure is done); what a provider documents to show it; and the
 * statuses it can take (some guideline statements can never be "met").
 */
public record CriterionEntry(String id, String section, String text, String kind, String document,
                             List<String> outcomes) {

    public static final List<String> KINDS = List.of("prerequisite", "exclusion", "procedural");

    public boolean prerequisite() {
        return "prerequisite".equals(kind);
    }
}
