package urcheck.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import urcheck.engine.KnowledgeVersion;

/**
 * The answer for one case: every requested item with its outcome, determination and why; the knowledge
 * base (version and content hash of rules/) that decided it; and {@code reviewerFlags}: facts the record
 * raises without establishing them ("possible radiculopathy"), decided as not documented, for the
 * reviewer to look at.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseAnswer(String urcheckVersion, KnowledgeVersion knowledgeBase, String caseId, String jurisdiction,
                         String odgEdition, List<ItemAnswer> items, List<String> reviewerFlags) {
}
