package urcheck.cds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import urcheck.answer.CaseAnswer;

/**
 * The outcome of a CDS Hooks call: the response (HTTP 200, {@code application/json}) or the error
 * (its status, {@code application/problem+json}). Exactly one of the two is set; with a response, the
 * answer urcheck checked the orders to (for the audit record).
 */
public record CdsResult(ObjectNode response, CdsError error, CaseAnswer checked) {

    /** @param checked what urcheck decided (for the audit record), or null when no order was one it checks */
    static CdsResult ok(ObjectNode response, CaseAnswer checked) {
        return new CdsResult(response, null, checked);
    }

    static CdsResult failed(CdsError error) {
        return new CdsResult(null, error, null);
    }

    public boolean ok() {
        return error == null;
    }

    /** The HTTP status to answer with. */
    public int status() {
        return error == null ? 200 : error.status();
    }

    /** The body to send: the response, or the problem document. */
    public ObjectNode body() {
        return error == null ? response : error.toProblemJson();
    }
}
