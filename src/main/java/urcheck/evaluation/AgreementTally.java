package urcheck.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import urcheck.answer.ItemAnswer;

/** Adds up item comparisons, case by case, into an {@link Agreement}. Keeps counts, not the cases. */
public final class AgreementTally {

    private static final String NECESSARY = "MEDICALLY_NECESSARY";

    private int cases;
    private int items;
    private final int[] determination = new int[2];
    private final int[] section = new int[2];
    private final int[] criteria = new int[2];
    private final int[] matrix = new int[4];
    private final Map<String, int[]> byCriterion = new TreeMap<>();
    private final List<Agreement.Disagreement> disagreements = new ArrayList<>();
    private final List<String> unlabelled = new ArrayList<>();
    private final List<String> invalid = new ArrayList<>();
    private final Map<String, DecisionCounts> decisions = new java.util.LinkedHashMap<>();

    /** Counts of one scope of real decisions. */
    private static final class DecisionCounts {
        int items;
        final int[] determination = new int[2];
        final int[] denyEverything = new int[2];
        int approvals;
        int caught;
        int pending;
        int unsupported;
        final Map<String, Map<String, Integer>> outcomes = new java.util.LinkedHashMap<>();

        void add(ItemComparison c) {
            String label = c.expected().determination();
            String outcome = c.answered() == null ? ItemComparison.NOT_EVALUATED : c.answered().outcome();
            boolean approved = NECESSARY.equals(label);
            items++;
            // A decision approves or it does not: not covered by these guidelines is not an approval either.
            boolean answeredApproval = c.answered() != null && NECESSARY.equals(c.answered().determination());
            count(determination, approved == answeredApproval);
            count(denyEverything, !approved);
            approvals += approved ? 1 : 0;
            caught += approved && "CRITERIA_MET".equals(outcome) ? 1 : 0;
            pending += approved && "INFORMATION_NEEDED".equals(outcome) ? 1 : 0;
            unsupported += !approved && "CRITERIA_MET".equals(outcome) ? 1 : 0;
            outcomes.computeIfAbsent(label, k -> new TreeMap<>()).merge(outcome, 1, Integer::sum);
        }

        DecisionScope scope(String name) {
            return new DecisionScope(name, items, new Agreement.Ratio(determination[0], determination[1]),
                    new Agreement.Ratio(denyEverything[0], denyEverything[1]), approvals, caught, pending, unsupported,
                    new TreeMap<>(outcomes));
        }
    }

    public void add(String source, String caseId, List<ItemComparison> comparisons) {
        add(source, caseId, null, comparisons);
    }

    /** @param standard for a real decision, the standard it was decided under (odg, mtus, other); else null */
    public void add(String source, String caseId, String standard, List<ItemComparison> comparisons) {
        cases++;
        for (ItemComparison c : comparisons) {
            if (standard != null && c.expected().determination() != null) {
                decisions.computeIfAbsent("all real decisions", k -> new DecisionCounts()).add(c);
                if ("odg".equals(standard) || "mtus".equals(standard)) {
                    decisions.computeIfAbsent("decided under ODG or the MTUS", k -> new DecisionCounts()).add(c);
                }
            }
            items++;
            ItemAnswer a = c.answered();
            String answered = a == null ? ItemComparison.NOT_EVALUATED : a.determination();
            if (c.determinationAgrees() != null) {
                count(determination, c.determinationAgrees());
                boolean wantNecessary = NECESSARY.equals(c.expected().determination());
                boolean gotNecessary = NECESSARY.equals(answered);
                matrix[(wantNecessary ? 0 : 2) + (gotNecessary ? 0 : 1)]++;
                if (!c.determinationAgrees()) {
                    disagreements.add(new Agreement.Disagreement(source, caseId, c.itemId(), "determination",
                            c.expected().determination(), answered, c.causes()));
                }
            }
            if (c.sectionAgrees() != null) {
                count(section, c.sectionAgrees());
                if (!c.sectionAgrees()) {
                    disagreements.add(new Agreement.Disagreement(source, caseId, c.itemId(), "governing section",
                            c.expected().governingSection(), c.answeredSection(), List.of()));
                }
            }
            c.expected().criteria().forEach((id, want) -> {
                String got = c.answeredStatus(id);
                boolean agrees = want.equals(got);
                count(criteria, agrees);
                count(byCriterion.computeIfAbsent(id, k -> new int[2]), agrees);
                if (!agrees) {
                    disagreements.add(new Agreement.Disagreement(source, caseId, c.itemId(), id, want, got, List.of()));
                }
            });
        }
    }

    /** A case without an expected block: listed, not compared. */
    public void unlabelled(String source) {
        unlabelled.add(source);
    }

    /** A file or line that is not a valid case: listed (its problems go to stderr). */
    public void invalid(String source) {
        invalid.add(source);
    }

    private static void count(int[] agreeTotal, boolean agrees) {
        if (agrees) {
            agreeTotal[0]++;
        }
        agreeTotal[1]++;
    }

    public Agreement agreement() {
        Map<String, Agreement.Ratio> per = new TreeMap<>();
        byCriterion.forEach((id, r) -> per.put(id, new Agreement.Ratio(r[0], r[1])));
        return new Agreement(cases, items, new Agreement.Ratio(determination[0], determination[1]),
                new Agreement.ConfusionMatrix(matrix[0], matrix[1], matrix[2], matrix[3]),
                new Agreement.Ratio(section[0], section[1]), new Agreement.Ratio(criteria[0], criteria[1]), per,
                List.copyOf(disagreements), List.copyOf(unlabelled), List.copyOf(invalid),
                decisions.isEmpty() ? null : decisions.entrySet().stream().map(e -> e.getValue().scope(e.getKey())).toList());
    }
}
