package urcheck.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The answer for one case: every requested item with its determination and why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseAnswer(String urcheckVersion, String caseId, String jurisdiction, String odgEdition,
                         List<ItemAnswer> items) {
}
