package urcheck.cds;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import urcheck.casefile.Problem;

/**
 * Why a CDS Hooks call could not be answered: the HTTP status it calls for (400 not JSON, 422 not a valid
 * request of the hook, 404 no such service, 500 a fault of urcheck's) and every problem with its path in the request
 * ({@code context.draftOrders.entry[0].resource(ServiceRequest/abc).code}). Never repeats clinical notes.
 */
public record CdsError(int status, String title, String detail, List<Problem> problems) {

    public CdsError {
        problems = List.copyOf(problems);
    }

    /** 400: the body is not JSON at all (CRD 2.0.1 req 162). */
    static CdsError malformed(String detail, List<Problem> problems) {
        return new CdsError(400, "Bad Request", detail, problems);
    }

    /** 422: JSON, but not a CDS Hooks request of this hook, or its FHIR is not valid R4 (CRD 2.0.1 req 163). */
    static CdsError unprocessable(String detail, List<Problem> problems) {
        return new CdsError(422, "Unprocessable Entity", detail, problems);
    }

    static CdsError notFound(String serviceId) {
        return new CdsError(404, "Not Found", "no CDS service \"" + serviceId + "\" here; GET /cds-services lists them", List.of());
    }

    /** As an RFC 9457 problem document ({@code application/problem+json}), with the problems under "errors". */
    public ObjectNode toProblemJson() {
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        p.put("type", "about:blank");
        p.put("title", title);
        p.put("status", status);
        p.put("detail", detail);
        if (!problems.isEmpty()) {
            ArrayNode errors = p.putArray("errors");
            for (Problem pr : problems) {
                errors.addObject().put("path", pr.path()).put("message", pr.message());
            }
        }
        return p;
    }
}
