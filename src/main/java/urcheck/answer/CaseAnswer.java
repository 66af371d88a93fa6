package urcheck.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import urcheck.engine.KnowledgeVersion;

/**
 * The answer for one case: every requested item with its determination and why, and the knowledge base
 * (version and content hash of rules/) that decided it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseAnswer(String urcheckVersion, KnowledgeVersion knowledgeBase, String caseId, String jurisdiction, String odgEdition,
                         List<ItemAnswer> items) {
}
