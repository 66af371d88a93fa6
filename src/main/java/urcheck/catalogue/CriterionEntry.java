package urcheck.catalogue;

import java.util.List;

/**
 * A criterion as the catalogue describes it to people: what it asks; its kind, "prerequisite" (must
 * be documented before approval), "factor" (one of several the guideline weighs together: a rule
 * of the group weighs them, a factor alone never decides), "exclusion" (decides only when documented
 * present) or "procedural" (governs how the procedure is done or what accompanies it: decides when
 * documented not met) or "limit" (a number the guideline caps, such as visits for a diagnosis: decides
 * when documented over it); {@code why} that kind, from the guideline's wording; what a provider documents
 * to show it; the statuses it can take (some guideline statements can never be "met"); and, for a
 * criterion that weighs factors, the factors it weighs.
 */
public record CriterionEntry(String id, String section, String text, String kind, String why, String document,
                             List<String> outcomes, List<String> weighs, java.util.Map<String, EditionWording> editions) {

    /**
     * How an ODG edition words the criterion where it differs from the default edition's: the text, the
     * locator and the edition named in its citation (an MCG-era answer must not quote the earlier
     * edition's "4-6 weeks" while applying 12).
     */
    public record EditionWording(String text, String locator, String edition) {
    }

    public CriterionEntry {
        weighs = weighs == null ? List.of() : List.copyOf(weighs);
        editions = editions == null ? java.util.Map.of() : java.util.Map.copyOf(editions);
    }

    /** The criterion's text under the given ODG edition. */
    public String text(String odgEdition) {
        EditionWording w = editions.get(odgEdition);
        return w == null || w.text() == null ? text : w.text();
    }

    public static final List<String> KINDS = List.of("prerequisite", "factor", "exclusion", "procedural", "limit");

    public boolean prerequisite() {
        return "prerequisite".equals(kind);
    }

    public boolean factor() {
        return "factor".equals(kind);
    }
}
