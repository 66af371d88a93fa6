package urcheck.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The answer for one requested item. {@code outcome} tells the three situations apart (criteria met;
 * a criterion documented not met; criteria not documented) and {@code decidedBy} names the criteria
 * that decided it. {@code determination} is on the record as it stands, as an IMR reviewer judges it;
 * {@code imrPrediction} is the likely IMR outcome if the item were denied and the denial appealed
 * (OVERTURNED when medically necessary, UPHELD when not) and {@code imrPredictionBasis} what it rests on.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ItemAnswer(String id, String request, String service, String region, LevelsAnswer levels,
                         String laterality, Integer sessions, Integer visits, String primaryItem,
                         String outcome, String outcomeLabel, List<DecidingCriterion> decidedBy,
                         String determination, String imrPrediction, String imrPredictionBasis, WorkflowAnswer workflow,
                         GuidelineAnswer guideline, List<CriterionAnswer> criteria, String rationale,
                         List<String> documentationNeeded) {

    /**
     * A criterion that decided the outcome: one not met (a stop), or a prerequisite not documented with
     * what to document.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DecidingCriterion(String id, String status, String finding, String document) {
    }

    /**
     * What the UR workflow does next: MAY_BE_APPROVED, REQUEST_ADDITIONAL_INFORMATION or
     * REFER_TO_PHYSICIAN_REVIEWER, and why.
     */
    public record WorkflowAnswer(String action, List<String> reasons) {
    }

    /** The levels as written and the joints urcheck understood from them. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LevelsAnswer(String asWritten, List<String> joints, String readAs, boolean ambiguous) {
    }

    /** Which guideline source governed the item, and why that one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GuidelineAnswer(String sectionId, String source, String chapter, String section, String edition,
                                  String position, String why) {
    }

    /** One criterion: what it asks, its status for this item, the facts it used and where it comes from. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CriterionAnswer(String id, String text, String kind, String status, String finding,
                                  List<String> facts, String citation) {
    }
}
