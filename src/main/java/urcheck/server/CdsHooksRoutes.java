package urcheck.server;

import io.javalin.http.Context;
import java.util.List;
import urcheck.answer.AnswerJson;
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

    CdsHooksRoutes(CdsHooksService service, long bodyLimit) {
        this.service = service;
        this.bodyLimit = bodyLimit;
        // HAPI learns the R4 types on first use (about 2 s); do it now, beside start-up, not on the first hook call.
        Thread warm = new Thread(service::warmUp, "cds-warm-up");
        warm.setDaemon(true);
        warm.start();
    }

    void register(io.javalin.router.JavalinDefaultRoutingApi routes) {
        routes.before("/cds-services*", CdsHooksRoutes::cors);
        routes.options("/cds-services", ctx -> ctx.status(204));
        routes.options("/cds-services/{id}", ctx -> ctx.status(204));
        routes.get("/cds-services", ctx -> CheckApi.send(ctx, 200, "application/json", AnswerJson.pretty(service.discovery()) + "\n"));
        routes.post("/cds-services/{id}", this::call);
    }

    private void call(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        byte[] body = RequestBody.read(ctx, List.of("application/json"), bodyLimit);
        CdsResult result = service.call(ctx.pathParam("id"), body);
        CheckApi.send(ctx, result.status(), result.ok() ? "application/json" : ProblemDetails.MEDIA_TYPE,
                AnswerJson.pretty(result.body()) + "\n");
    }

    private static void cors(Context ctx) {
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
        ctx.header("Access-Control-Allow-Headers", CORS_HEADERS);
    }
}
