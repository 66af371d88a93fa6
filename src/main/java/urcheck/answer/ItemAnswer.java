package urcheck.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The answer for one requested item. {@code imrPrediction} is the likely IMR outcome if the item were
 * denied and the denial appealed: OVERTURNED when it is medically necessary, UPHELD when it is not.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ItemAnswer(String id, String request, String service, String region, LevelsAnswer levels,
                         String laterality, Integer sessions, Integer visits, String primaryItem,
                         String determination, String imrPrediction, WorkflowAnswer workflow,
                         GuidelineAnswer guideline, List<CriterionAnswer> criteria, String rationale,
                         List<String> documentationNeeded) {

    /** What the UR workflow does next: MAY_BE_APPROVED or REFER_TO_PHYSICIAN_REVIEWER, and why. */
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
