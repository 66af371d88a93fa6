package urcheck.answer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import urcheck.catalogue.CriteriaCatalogue;
import urcheck.engine.CriterionResult;
import urcheck.engine.CriterionStatus;

/**
 * One criterion of one item, its rule results taken together: the status that stands, the facts of the results
 * with that status, and whether any result was a stop or a missing prerequisite. The full answer and the compact
 * one are both written from these, so they cannot disagree.
 *
 * @param standing the results with the status that stands, in the order the rules stated them
 * @param facts    sorted and each once: the order rules bind facts (several matches of one rule, a collect)
 *                 follows the order the facts were inserted, and the answer must not depend on that
 */
record CriterionGroup(String id, CriterionStatus status, List<CriterionResult> standing, List<String> facts,
                      boolean stop, boolean missing) {

    /**
     * When rules give one criterion several results, the strictest stands (and a test forbids the conflict): the
     * lower, the stricter.
     */
    private static int precedence(CriterionStatus s) {
        return switch (s) {
            case NOT_MET -> 0;
            case NOT_DOCUMENTED -> 1;
            case MET -> 2;
            case NOT_APPLICABLE -> 3;
        };
    }

    /** The criteria of one item's results, in catalogue order (criteria the catalogue lacks last, as they came). */
    static List<CriterionGroup> of(List<CriterionResult> results, CriteriaCatalogue catalogue) {
        Map<String, Builder> byCriterion = new LinkedHashMap<>();
        for (CriterionResult r : results) {
            Builder b = byCriterion.get(r.criterionId());
            if (b == null) {
                b = new Builder(r.criterionId(), catalogue.orderOf(r.criterionId()));
                byCriterion.put(r.criterionId(), b);
            }
            b.results.add(r);
        }
        List<Builder> builders = new ArrayList<>(byCriterion.values());
        // List.sort is stable: criteria of equal order (only those the catalogue lacks) keep the order they came in.
        builders.sort((a, b) -> Integer.compare(a.order, b.order));
        List<CriterionGroup> out = new ArrayList<>(builders.size());
        for (Builder b : builders) {
            out.add(b.build());
        }
        return out;
    }

    /** The findings of the standing results, each once, joined by a space (the full answer's {@code finding}). */
    String finding() {
        if (standing.size() == 1) {
            return standing.get(0).finding();
        }
        Set<String> findings = new LinkedHashSet<>();
        for (CriterionResult r : standing) {
            findings.add(r.finding());
        }
        return String.join(" ", findings);
    }

    private static final class Builder {
        final String id;
        final int order;
        final List<CriterionResult> results = new ArrayList<>(2);

        Builder(String id, int order) {
            this.id = id;
            this.order = order;
        }

        CriterionGroup build() {
            CriterionStatus status = results.get(0).status();
            boolean stop = false;
            boolean missing = false;
            for (CriterionResult r : results) {
                if (precedence(r.status()) < precedence(status)) {
                    status = r.status();
                }
                stop |= r.stop();
                missing |= r.missing();
            }
            List<CriterionResult> standing;
            if (results.size() == 1) {
                standing = results;
            } else {
                standing = new ArrayList<>(results.size());
                for (CriterionResult r : results) {
                    if (r.status() == status) {
                        standing.add(r);
                    }
                }
            }
            return new CriterionGroup(id, status, List.copyOf(standing), facts(standing), stop, missing);
        }

        private static List<String> facts(List<CriterionResult> standing) {
            if (standing.size() == 1 && sortedAndDistinct(standing.get(0).facts())) {
                return standing.get(0).facts(); // the usual case; the result's list is immutable already
            }
            Set<String> facts = new TreeSet<>();
            for (CriterionResult r : standing) {
                facts.addAll(r.facts());
            }
            return List.copyOf(facts);
        }

        private static boolean sortedAndDistinct(List<String> facts) {
            for (int i = 1; i < facts.size(); i++) {
                if (facts.get(i - 1).compareTo(facts.get(i)) >= 0) {
                    return false;
                }
            }
            return true;
        }
    }
}
