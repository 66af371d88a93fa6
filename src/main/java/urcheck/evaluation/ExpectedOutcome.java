package urcheck.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import urcheck.answer.CaseAnswer;
import urcheck.answer.ItemAnswer;

/**
 * The {@code expected} block of a labelled case (fixtures, or a UR department's final decisions): per
 * item id, the determination, the three-way outcome, the governing section and criterion statuses its
 * source states. Any of them may be left out; only what is given is compared. {@code standard} is set
 * for a real decision: the standard it was decided under (odg, mtus, other).
 */
public record ExpectedOutcome(String standard, Map<String, ExpectedItem> items) {

    public record ExpectedItem(String determination, String outcome, String governingSection, Map<String, String> criteria) {
    }

    /** Reads an expected block; null when the case carries none. */
    public static ExpectedOutcome of(JsonNode expected) {
        if (expected == null || !expected.has("items")) {
            return null;
        }
        Map<String, ExpectedItem> items = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.get("items").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode want = e.getValue();
            Map<String, String> criteria = new LinkedHashMap<>();
            if (want.has("criteria")) {
                want.get("criteria").fields().forEachRemaining(c -> criteria.put(c.getKey(), c.getValue().asText()));
            }
            items.put(e.getKey(), new ExpectedItem(text(want, "determination"), text(want, "outcome"),
                    text(want, "governingSection"), criteria));
        }
        return new ExpectedOutcome(text(expected, "standard"), items);
    }

    private static String text(JsonNode n, String field) {
        return n.has(field) ? n.get(field).asText() : null;
    }

    /** Each expected item next to what the answer says about it, in the expected block's order. */
    public List<ItemComparison> compare(CaseAnswer answer) {
        List<ItemComparison> out = new ArrayList<>();
        items.forEach((id, want) -> out.add(new ItemComparison(id, want,
                answer.items().stream().filter(i -> i.id().equals(id)).findFirst().orElse(null))));
        return out;
    }

    /** Every way the answer differs from what is expected, one line each; empty when it agrees. */
    public List<String> disagreements(CaseAnswer answer) {
        List<String> out = new ArrayList<>();
        for (ItemComparison c : compare(answer)) {
            out.addAll(c.disagreements());
        }
        return out;
    }

    /** Status of a criterion in an item's answer; "(not evaluated)" when the answer does not list it. */
    static String statusOf(ItemAnswer item, String criterionId) {
        return item.criteria().stream().filter(x -> x.id().equals(criterionId))
                .map(ItemAnswer.CriterionAnswer::status).findFirst().orElse(ItemComparison.NOT_EVALUATED);
    }
}
