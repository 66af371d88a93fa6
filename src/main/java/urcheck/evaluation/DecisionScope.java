package urcheck.evaluation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * How urcheck fares on real decisions (labelled cases whose expected block names the standard they were
 * decided under), over one scope: every decision, or those decided under ODG or the MTUS.
 * {@code determination} compares the determination on the record as it stands with the decision, as
 * approved or not (not covered by these guidelines is not an approval);
 * {@code denyEverything} is what answering "not medically necessary" to everything would score.
 * {@code approvalsCaught}: decisions that approved, answered CRITERIA_MET. {@code approvalsPendingInformation}:
 * approved, answered INFORMATION_NEEDED (nothing fails; documentation missing). {@code approvalsUnsupported}:
 * answered CRITERIA_MET where the decision denied: the error that must not happen.
 * {@code outcomes}: decision (row) by urcheck's outcome (column).
 */
public record DecisionScope(String scope, int items, Agreement.Ratio determination, Agreement.Ratio denyEverything,
                            int approvals, int approvalsCaught, int approvalsPendingInformation, int approvalsUnsupported,
                            Map<String, Map<String, Integer>> outcomes) {

    @JsonProperty
    public boolean beatsDenyEverything() {
        return determination.agree() > denyEverything.agree();
    }
}
