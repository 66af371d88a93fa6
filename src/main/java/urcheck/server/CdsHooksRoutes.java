package urcheck.server;

import io.javalin.http.Context;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import urcheck.audit.AuditRecord;
import urcheck.audit.AuditStoreException;
import urcheck.fhir.FhirCaseReader;
import urcheck.cds.CdsHooksService;
import urcheck.cds.CdsResult;

/**
 * The CDS Hooks endpoints (CDS Hooks 2.0): GET /cds-services (discovery) and POST /cds-services/{id}
 * (a hook call). EHRs may call from a browser, so the routes answer CORS as the specification asks.
 * The service itself is transport-agnostic (urcheck.cds); this class only carries it over HTTP.
 */
final class CdsHooksRoutes {

    private static final String CORS_HEADERS = "Content-Type, Authorization";

    private final CdsHooksService service;
    private final long bodyLimit;
    private final AuditTrail audit;

    CdsHooksRoutes(CdsHooksService service, long bodyLimit, AuditTrail audit) {
        this.service = service;
        this.bodyLimit = bodyLimit;
        this.audit = audit;
        // HAPI learns the R4 types on first use (about 2 s); do it now, beside start-up, not on the first hook call.
        Thread warm = new Thread(service::warmUp, "cds-warm-up");
        warm.setDaemon(true);
        warm.start();
    }

    void register(io.javalin.router.JavalinDefaultRoutingApi routes) {
        routes.before("/cds-services*", CdsHooksRoutes::cors);
        routes.options("/cds-services", ctx -> ctx.status(204));
        routes.options("/cds-services/{id}", ctx -> ctx.status(204));
        routes.options("/cds-services/{id}/feedback", ctx -> ctx.status(204));
        routes.post("/cds-services/{id}/feedback", this::feedback);
        routes.get("/cds-services", ctx -> JsonBodies.send(ctx, 200, "application/json", service.discovery()));
        routes.post("/cds-services/{id}", this::call);
    }

    private void call(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        byte[] body = RequestBody.read(ctx, List.of("application/json"), bodyLimit);
        CdsResult result = service.call(ctx.pathParam("id"), body);
        byte[] out = JsonBodies.of(ctx, result.body());
        List<String> cards = new ArrayList<>();
        if (result.ok()) {
            result.body().path("cards").forEach(c -> cards.add(c.path("uuid").asText()));
        }
        audit.record(ctx, hookInstance(body), result.status(), AuditTrail.outcomes(result.checked()),
                new String(out, java.nio.charset.StandardCharsets.UTF_8), body, cards);
        CheckApi.sendBytes(ctx, result.status(), result.ok() ? "application/json" : ProblemDetails.MEDIA_TYPE, out);
    }

    /** The hookInstance of a request, when it has one: the id an EHR knows the call by. */
    private static String hookInstance(byte[] body) {
        try {
            JsonNode tree = FhirCaseReader.JSON.readTree(body);
            return tree != null && tree.path("hookInstance").isTextual() ? tree.get("hookInstance").asText() : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /**
     * POST /cds-services/{id}/feedback (CDS Hooks 2.0): what the clinician did with each card, accepted or overridden
     * with the reason chosen from the card's overrideReasons, kept with the call's audit record.
     */
    private void feedback(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        String serviceId = ctx.pathParam("id");
        if (service.discovery().get("services").findValues("id").stream().noneMatch(v -> v.asText().equals(serviceId))) {
            throw new ProblemException(ProblemDetails.ofStatus(404, "Not Found", "no CDS service \"" + AccessLog.printable(serviceId)
                    + "\" here; GET /cds-services lists them", ctx.path()));
        }
        byte[] body = RequestBody.read(ctx, List.of("application/json"), bodyLimit);
        JsonNode tree;
        try {
            tree = FhirCaseReader.JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new ProblemException(ProblemDetails.ofStatus(400, "Bad Request", "The feedback is not JSON.", ctx.path()));
        }
        List<ProblemDetails.FieldError> errors = new ArrayList<>();
        List<AuditRecord.Feedback> items = Feedbacks.read(tree, errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(new ProblemDetails("about:blank", "Unprocessable Entity", 422,
                    "The feedback is not what CDS Hooks 2.0 defines; nothing was stored.", ctx.path(), errors));
        }
        try {
            items.forEach(f -> audit.store().feedback(serviceId, f));
        } catch (AuditStoreException e) {
            throw new ProblemException(ProblemDetails.ofStatus(503, "Service Unavailable",
                    "The feedback could not be stored; send it again later.", ctx.path()));
        }
        ctx.status(200);
    }

    private static void cors(Context ctx) {
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
        ctx.header("Access-Control-Allow-Headers", CORS_HEADERS);
        // a browser-based EHR may read the audit id of its call (to quote it in a dispute)
        ctx.header("Access-Control-Expose-Headers", AuditTrail.HEADER);
    }
}
