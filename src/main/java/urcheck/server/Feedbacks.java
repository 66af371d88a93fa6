package urcheck.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import urcheck.audit.AuditRecord;

/**
 * A CDS Hooks 2.0 feedback body ({@code {"feedback": [{card, outcome, overrideReason, outcomeTimestamp}]}}) read
 * into what the audit store keeps, with every problem named by its path.
 */
final class Feedbacks {

    private Feedbacks() {
    }

    static List<AuditRecord.Feedback> read(JsonNode body, List<ProblemDetails.FieldError> errors) {
        List<AuditRecord.Feedback> out = new ArrayList<>();
        JsonNode list = body == null ? null : body.get("feedback");
        if (list == null || !list.isArray() || list.isEmpty()) {
            errors.add(new ProblemDetails.FieldError("feedback", "is required: an array of feedback objects"));
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode f = list.get(i);
            String at = "feedback[" + i + "]";
            String card = text(f, "card", at, errors);
            String outcome = text(f, "outcome", at, errors);
            if (outcome != null && !outcome.equals("accepted") && !outcome.equals("overridden")) {
                errors.add(new ProblemDetails.FieldError(at + ".outcome", "expected accepted or overridden"));
            }
            String when = text(f, "outcomeTimestamp", at, errors);
            if (when != null) {
                try {
                    OffsetDateTime.parse(when);
                } catch (DateTimeParseException e) {
                    errors.add(new ProblemDetails.FieldError(at + ".outcomeTimestamp", "expected an ISO 8601 date and time"));
                }
            }
            JsonNode reason = f.path("overrideReason");
            String code = reason.path("reason").path("code").isTextual() ? reason.path("reason").path("code").asText() : null;
            String display = reason.path("reason").path("display").isTextual() ? reason.path("reason").path("display").asText() : null;
            String comment = reason.path("userComment").isTextual() ? reason.path("userComment").asText() : null;
            if (!reason.isMissingNode() && !reason.isObject()) {
                errors.add(new ProblemDetails.FieldError(at + ".overrideReason", "expected an object with reason and userComment"));
            }
            out.add(new AuditRecord.Feedback(card, outcome, code, display, comment, when, null));
        }
        return out;
    }

    private static String text(JsonNode node, String field, String at, List<ProblemDetails.FieldError> errors) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            errors.add(new ProblemDetails.FieldError(at + "." + field, "is required: a string"));
            return null;
        }
        return v.asText();
    }
}
