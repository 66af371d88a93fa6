package urcheck.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.util.List;
import java.util.Map;

/**
 * One check or hook call as the audit store keeps it: when, which route, the caller's request id (a CDS
 * hookInstance, or a case id), the knowledge base that decided, the HTTP status, each item's outcome, the answer
 * as sent and, only when the server is configured to keep them, the request. Holds PHI (see README).
 *
 * @param outcomes item id (for a batch, "index/item id") -> determination
 * @param answer   the body sent, as JSON text
 * @param request  the body received, as text, or null when requests are not kept
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditRecord(String id, String recordedAt, String route, String requestId, String knowledgeVersion,
                          String knowledgeSha256, int status, Map<String, String> outcomes,
                          @JsonRawValue String answer, String request, List<Feedback> feedback) {

    /** What the clinician did with a card (CDS Hooks feedback): accepted, or overridden and why. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Feedback(String card, String outcome, String overrideCode, String overrideDisplay, String userComment,
                           String outcomeTimestamp, String receivedAt) {
    }
}
