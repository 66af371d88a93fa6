package urcheck.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import urcheck.casefile.InvalidCaseFileException;
import urcheck.casefile.Problem;

/**
 * An error answer in the RFC 9457 format ({@code application/problem+json}). {@code errors} is this API's
 * extension member: one entry per offending field, with the same paths and messages as the command line.
 * Details never repeat a case's clinical content.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "errors"})
public record ProblemDetails(String type, String title, int status, String detail, String instance,
                             List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** The one problem type of our own; every other problem is a plain HTTP status ("about:blank"). */
    public static final String INVALID_CASE_FILE = "https://urcheck.dev/problems/invalid-case-file";

    /** One offending field: a JSON path into the case file ($.items[0].levels) and what was expected. */
    public record FieldError(String path, String message) {
        static FieldError of(Problem p) {
            return new FieldError(p.path(), p.message());
        }
    }

    /** A problem that is nothing more than its HTTP status, explained by {@code detail}. */
    public static ProblemDetails ofStatus(int status, String title, String detail, String instance) {
        return new ProblemDetails("about:blank", title, status, detail, instance, null);
    }

    /** A case file that cannot be checked: every field problem the reader found. */
    public static ProblemDetails invalidCaseFile(InvalidCaseFileException e, String instance) {
        List<FieldError> errors = e.problems().stream().map(FieldError::of).toList();
        String detail = errors.size() == 1
                ? "The case file has 1 problem; nothing was checked."
                : "The case file has " + errors.size() + " problems; nothing was checked.";
        return new ProblemDetails(INVALID_CASE_FILE, "The case file is not valid", 400, detail, instance, errors);
    }
}
