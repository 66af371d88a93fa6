package urcheck.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import urcheck.facts.GuidelineNumber;

/**
 * The one named place for every number a guideline sets (rules/guideline-numbers.json), with its
 * source and how sure we are of it, and per ODG edition where editions differ.
 */
public record GuidelineNumbers(String description, String defaultEdition, Map<String, String> editions,
                               List<Entry> numbers) {

    /** One number: its default value, its overrides by edition, where it comes from and how sure we are. */
    public record Entry(String name, double value, String unit, String source, String provenance,
                        Map<String, Double> byEdition) {
    }

    public boolean knows(String edition) {
        return editions.containsKey(edition);
    }

    /** The numbers in force for an edition, as the rules read them (see {@link NumbersInForce}). */
    public NumbersInForce inForce(String edition) {
        return new NumbersInForce(forEdition(edition));
    }

    /** The numbers in force for an edition, each with its value for that edition. */
    public List<GuidelineNumber> forEdition(String edition) {
        List<GuidelineNumber> out = new ArrayList<>(numbers.size());
        for (Entry e : numbers) {
            Double v = e.byEdition() == null ? null : e.byEdition().get(edition);
            out.add(new GuidelineNumber(e.name(), v == null ? e.value() : v, e.unit(), edition, e.source()));
        }
        return out;
    }
}
