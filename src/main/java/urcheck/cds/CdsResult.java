package urcheck.cds;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The outcome of a CDS Hooks call: the response (HTTP 200, {@code application/json}) or the error
 * (its status, {@code application/problem+json}). Exactly one of the two is set.
 */
public record CdsResult(ObjectNode response, CdsError error) {

    static CdsResult ok(ObjectNode response) {
        return new CdsResult(response, null);
    }

    static CdsResult failed(CdsError error) {
        return new CdsResult(null, error);
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
