package urcheck.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * How far urcheck's answers agree with labelled cases: determination accuracy per item, a confusion
 * matrix (medically necessary / not), governing-section and per-criterion agreement, and every
 * disagreement with the criteria behind it. Made by {@link AgreementTally}; serialised for --json.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Agreement(int cases, int items, Ratio determination, ConfusionMatrix confusionMatrix,
                        Ratio governingSection, Ratio criteria, Map<String, Ratio> byCriterion,
                        List<Disagreement> disagreements, List<String> unlabelled, List<String> invalid,
                        List<DecisionScope> realDecisions) {

    /** {@code agree} of {@code total} comparisons agreed. */
    public record Ratio(int agree, int total) {
        @JsonProperty
        public double accuracy() {
            return total == 0 ? 1.0 : (double) agree / total;
        }

        @Override
        public String toString() {
            return total == 0 ? "none given" : String.format("%d/%d agree (%.1f%%)", agree, total, 100.0 * accuracy());
        }
    }

    /**
     * Items by expected (rows) and answered (columns) determination, medically necessary or not;
     * "not" covers not medically necessary and not covered.
     */
    public record ConfusionMatrix(int expectedNecessaryAnsweredNecessary, int expectedNecessaryAnsweredNot,
                                  int expectedNotAnsweredNecessary, int expectedNotAnsweredNot) {
    }

    /** One thing urcheck answered differently from the labelled source. */
    public record Disagreement(String source, String caseId, String item, String what, String expected,
                               String answered, List<String> causes) {
    }

    private static String percent(Ratio r) {
        return String.format("%d/%d %.0f%%", r.agree(), r.total(), 100.0 * r.accuracy());
    }

    public boolean allAgree() {
        return disagreements.isEmpty();
    }

    /** The report a person reads. */
    public String text() {
        StringBuilder s = new StringBuilder();
        s.append(String.format("Evaluated %d labelled case(s), %d item(s) with an expected outcome.%n", cases, items));
        s.append("Determination:      ").append(determination).append('\n');
        s.append("Governing section:  ").append(governingSection).append('\n');
        s.append("Criteria:           ").append(criteria).append('\n');
        s.append(String.format("%nConfusion matrix (rows: expected; columns: answered):%n"));
        s.append(String.format("  %-22s %20s %6s%n", "", "medically necessary", "not"));
        s.append(String.format("  %-22s %20d %6d%n", "medically necessary",
                confusionMatrix.expectedNecessaryAnsweredNecessary(), confusionMatrix.expectedNecessaryAnsweredNot()));
        s.append(String.format("  %-22s %20d %6d%n", "not",
                confusionMatrix.expectedNotAnsweredNecessary(), confusionMatrix.expectedNotAnsweredNot()));
        if (!byCriterion.isEmpty()) {
            s.append(String.format("%nPer criterion:%n"));
            byCriterion.forEach((id, r) -> s.append(String.format("  %-28s %s%n", id, r)));
        }
        if (realDecisions != null) {
            s.append(String.format("%nReal decisions (the determination on the record as it stands, and the outcome):%n"));
            s.append(String.format("  %-32s %5s %15s %15s %9s %7s %8s %11s%n", "", "items", "agreement", "deny-everything",
                    "approvals", "caught", "pending", "unsupported"));
            for (DecisionScope d : realDecisions) {
                s.append(String.format("  %-32s %5d %15s %15s %9d %7d %8d %11d%n", d.scope(), d.items(),
                        percent(d.determination()), percent(d.denyEverything()), d.approvals(), d.approvalsCaught(),
                        d.approvalsPendingInformation(), d.approvalsUnsupported()));
            }
            s.append("  caught: approvals answered CRITERIA_MET; pending: approvals answered INFORMATION_NEEDED;\n"
                    + "  unsupported: CRITERIA_MET where the decision denied.\n");
            for (DecisionScope d : realDecisions) {
                s.append(String.format("%n  %s, decision (rows) by outcome (columns):%n", d.scope()));
                List<String> columns = List.of("CRITERIA_MET", "CRITERIA_NOT_MET", "INFORMATION_NEEDED", "NOT_COVERED");
                s.append(String.format("    %-24s", ""));
                columns.forEach(col -> s.append(String.format(" %19s", col)));
                s.append('\n');
                d.outcomes().forEach((label, row) -> {
                    s.append(String.format("    %-24s", label));
                    columns.forEach(col -> s.append(String.format(" %19d", row.getOrDefault(col, 0))));
                    s.append('\n');
                });
            }
        }
        s.append(String.format("%nDisagreements: %s%n", disagreements.isEmpty() ? "none" : disagreements.size()));
        for (Disagreement d : disagreements) {
            s.append(String.format("  %s (%s) item %s: %s %s, expected %s%n", d.source(), d.caseId(), d.item(), d.what(),
                    d.answered(), d.expected()));
            for (String c : d.causes()) {
                s.append("      because of ").append(c).append('\n');
            }
        }
        if (!unlabelled.isEmpty()) {
            s.append(String.format("%nNot evaluated (no expected block, or not a case file): %d%n", unlabelled.size()));
            unlabelled.forEach(u -> s.append("  ").append(u).append('\n'));
        }
        if (!invalid.isEmpty()) {
            s.append(String.format("%nNot valid case files (see stderr): %d%n", invalid.size()));
            invalid.forEach(u -> s.append("  ").append(u).append('\n'));
        }
        return s.toString();
    }
}
