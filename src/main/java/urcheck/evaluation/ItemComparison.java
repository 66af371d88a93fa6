package urcheck.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import urcheck.answer.ItemAnswer;

/** One requested item: what its labelled source expects and what urcheck answered (null if no such item). */
public record ItemComparison(String itemId, ExpectedOutcome.ExpectedItem expected, ItemAnswer answered) {

    static final String NOT_EVALUATED = "(not evaluated)";

    public boolean inAnswer() {
        return answered != null;
    }

    /** Null when the expected block states no determination for the item. */
    public Boolean determinationAgrees() {
        if (expected.determination() == null) {
            return null;
        }
        return answered != null && expected.determination().equals(answered.determination());
    }

    /** Null when the expected block states no three-way outcome for the item. */
    public Boolean outcomeAgrees() {
        if (expected.outcome() == null) {
            return null;
        }
        return answered != null && expected.outcome().equals(answered.outcome());
    }

    public String answeredSection() {
        return answered == null || answered.guideline() == null ? null : answered.guideline().sectionId();
    }

    public Boolean sectionAgrees() {
        if (expected.governingSection() == null) {
            return null;
        }
        return answered != null && expected.governingSection().equals(answeredSection());
    }

    public String answeredStatus(String criterionId) {
        return answered == null ? NOT_EVALUATED : ExpectedOutcome.statusOf(answered, criterionId);
    }

    /**
     * The criteria behind a wrong determination: those whose status differs from the expected one and,
     * when the item was answered not medically necessary, those that decided it (not met, or a
     * prerequisite not documented).
     */
    public List<String> causes() {
        Set<String> out = new LinkedHashSet<>();
        if (answered == null) {
            return List.of();
        }
        for (Map.Entry<String, String> c : expected.criteria().entrySet()) {
            String got = answeredStatus(c.getKey());
            if (!c.getValue().equals(got)) {
                out.add(c.getKey() + " " + got + " (expected " + c.getValue() + ")");
            }
        }
        if (answered.decidedBy() != null) {
            for (ItemAnswer.DecidingCriterion c : answered.decidedBy()) {
                if (!expected.criteria().containsKey(c.id())) {
                    out.add(c.id() + " " + c.status());
                }
            }
        }
        return List.copyOf(out);
    }

    /** One line per difference, naming the item (the form the fixture tests print). */
    public List<String> disagreements() {
        List<String> out = new ArrayList<>();
        if (answered == null) {
            out.add("item " + itemId + ": not in the answer");
            return out;
        }
        if (Boolean.FALSE.equals(determinationAgrees())) {
            out.add("item " + itemId + ": determination " + answered.determination() + ", expected " + expected.determination());
        }
        if (Boolean.FALSE.equals(outcomeAgrees())) {
            out.add("item " + itemId + ": outcome " + answered.outcome() + ", expected " + expected.outcome());
        }
        if (Boolean.FALSE.equals(sectionAgrees())) {
            out.add("item " + itemId + ": governed by " + answeredSection() + ", expected " + expected.governingSection());
        }
        for (Map.Entry<String, String> c : expected.criteria().entrySet()) {
            String got = answeredStatus(c.getKey());
            if (!c.getValue().equals(got)) {
                out.add("item " + itemId + ", " + c.getKey() + ": " + got + ", expected " + c.getValue());
            }
        }
        return out;
    }
}
