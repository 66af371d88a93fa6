package urcheck.catalogue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import urcheck.facts.GuidelineNumber;

/**
 * The guideline numbers in force for one ODG edition, as the rules read them
 * ({@code GuidelineNumber( $max : value ) from numbers.get("max-joint-levels")}). Built once per edition
 * and shared by every case: the numbers are the same for every case of an edition, so inserting them into
 * each case's working memory only cost time (issue 14: about a tenth of the rule work).
 */
public final class NumbersInForce {

    private final Map<String, GuidelineNumber> byName = new LinkedHashMap<>();

    NumbersInForce(List<GuidelineNumber> numbers) {
        for (GuidelineNumber n : numbers) {
            byName.put(n.name(), n);
        }
    }

    /** The number called {@code name}; a name guideline-numbers.json does not list is a fault in the rules. */
    public GuidelineNumber get(String name) {
        GuidelineNumber n = byName.get(name);
        if (n == null) {
            throw new IllegalArgumentException("the rules read guideline number \"" + name
                    + "\", which rules/guideline-numbers.json does not list");
        }
        return n;
    }
}
