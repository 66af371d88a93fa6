package urcheck.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.MethodNotAllowedResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import urcheck.Checker;
import urcheck.audit.AuditStore;
import urcheck.cds.CdsHooksService;

/**
 * The HTTP service: the API under /v1, the page at /, health and the API's own description. One compiled
 * rule base serves every request. Every error is problem+json; bad input never gets a 500.
 */
public final class CheckServer implements AutoCloseable {

    /** One case file: a real one is a few kilobytes; the schema allows at most 50 items. */
    public static final long CHECK_BODY_LIMIT = 1L << 20;
    /** A batch call: up to {@link #BATCH_MAX_CASES} cases and 16 MiB. */
    public static final long BATCH_BODY_LIMIT = 16L << 20;
    public static final int BATCH_MAX_CASES = 1_000;
    /** How much of a body nobody reads is still read (and dropped) to keep the connection. */
    static final long DRAIN_LIMIT = 4L << 20;
    /**
     * Resource limits (README "Limits"). Batches checked at once: a batch holds its body, one case at a time and its
     * answer deflated (CheckApi.batch; about 4 MB for 1,000 generated cases), so 4 fit the launcher's 96 MB heap
     * beside the rest; a fifth waits up to {@link #PERMIT_WAIT_MS}, then is answered 503. A body over
     * {@link #BATCH_UNIT_BYTES} counts as one batch for each started unit (a 16 MiB batch, or one of unknown length,
     * runs alone): memory follows the bytes, not the count.
     */
    static final int CONCURRENT_BATCHES = 4;
    static final long BATCH_UNIT_BYTES = 4L << 20;
    static final long PERMIT_WAIT_MS = 2_000;
    /**
     * Bodies read at once. A read blocks its thread while the client sends; past this many, a request waits
     * {@link #READ_WAIT_MS} for its turn and is then answered 503, so slow senders never hold every thread.
     */
    static final int CONCURRENT_READS = 100;
    static final long READ_WAIT_MS = 1_000;
    /**
     * Jetty's threads: a fixed maximum (Jetty's default count), named so a thread dump shows whose they are. Half
     * may block in body reads, the other half cycle through the 1 s wait, so /health always gets one soon.
     * (32 reads and a 100 ms wait gave 68 needless 503s in 24,000 requests at 64 connections on a loaded machine.)
     */
    static final int MAX_THREADS = 200;
    /**
     * A request body must have arrived this long after its read began, or the connection is closed (a trickle of
     * a byte every 10 s used to hold a thread for good). Jetty's minimum data rate is not used: it counts from the
     * first byte, so a small body read late by a busy server (259 bytes after 1.2 s) fails it.
     */
    static final long CHECK_READ_TIMEOUT_MS = 10_000;
    static final long BATCH_READ_TIMEOUT_MS = 60_000;
    static final long IDLE_TIMEOUT_MS = 30_000;
    static final String REQUEST_ID = "X-Request-Id";

    private static final Logger LOG = LoggerFactory.getLogger("urcheck.http");

    /** The page and its API may only load what this server serves (no CDN, no third party). */
    private static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "X-Frame-Options", "DENY");

    private final Javalin app;
    private final java.util.concurrent.ScheduledExecutorService purger;

    private CheckServer(Javalin app, java.util.concurrent.ScheduledExecutorService purger) {
        this.app = app;
        this.purger = purger;
    }

    /**
     * How a server is set up: where it listens, the jurisdiction CDS calls that state none are checked under (null:
     * ODG), and the audit store every check and hook call is recorded in.
     */
    public record Settings(String host, int port, String defaultJurisdiction, AuditStore audit) {
    }

    /** Starts on {@code host}:{@code port} (port 0: any free port; see {@link #port()}). */
    public static CheckServer start(Checker checker, Settings settings) {
        String host = settings.host();
        int port = settings.port();
        AuditTrail audit = new AuditTrail(settings.audit(), checker.rules().knowledgeVersion());
        CheckApi api = new CheckApi(checker, new CheckApi.Limits(CHECK_BODY_LIMIT, BATCH_BODY_LIMIT, BATCH_MAX_CASES), audit);
        WorkPermits batches = new WorkPermits(CONCURRENT_BATCHES, PERMIT_WAIT_MS);
        java.util.concurrent.atomic.AtomicLong requests = new java.util.concurrent.atomic.AtomicLong();
        String idPrefix = Long.toHexString(System.currentTimeMillis() / 1000) + "-";
        CdsHooksRoutes cds = new CdsHooksRoutes(new CdsHooksService(checker, settings.defaultJurisdiction(), Clock.systemUTC()),
                BATCH_BODY_LIMIT, audit);
        List<Asset> assets = List.of(
                Asset.load("/", "/urcheck/web/index.html", "text/html"),
                Asset.load("/app.js", "/urcheck/web/app.js", "text/javascript"),
                Asset.load("/app.css", "/urcheck/web/app.css", "text/css"),
                Asset.load("/questions.json", "/urcheck/web/questions.json", "application/json"),
                Asset.load("/openapi.json", "/urcheck/openapi.json", "application/json"),
                Asset.caseFileSchema("/v1/schema/case-file.json"));
        Javalin app = Javalin.create(config -> {
            config.jetty.host = host;
            config.jetty.port = port;
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.threadPool = threadPool();
            config.jetty.modifyHttpConfiguration(http -> http.setIdleTimeout(IDLE_TIMEOUT_MS));
            config.http.prefer405over404 = true;
            config.jetty.modifyServer(server -> {
                server.setErrorHandler(new ProblemErrorHandler());
                server.setRequestLog(new AccessLog());
            });
            config.routes.before(ctx -> {
                SECURITY_HEADERS.forEach(ctx::header);
                // Every answer carries an id the access log prints, to match a response to its log line.
                ctx.header(REQUEST_ID, idPrefix + requests.incrementAndGet());
                JsonBodies.check(ctx);
            });
            // A body no handler read (a GET with a body, a 404, a 415, a 413) is drained after the answer, or Jetty
            // closes the connection under a client still sending and the client can lose the answer. Past
            // DRAIN_LIMIT the connection is closed all the same: nobody needs to send us that much.
            config.routes.after(ctx -> RequestBody.discard(ctx, DRAIN_LIMIT));
            for (Asset a : assets) {
                config.routes.get(a.path(), ctx -> {
                    ctx.header("Cache-Control", "no-cache");
                    CheckApi.sendBytes(ctx, 200, a.contentType(), a.bytes());
                });
            }
            config.routes.get("/health", api::health);
            config.routes.get("/v1/criteria", api::criteria);
            config.routes.get("/v1/audit/{id}", api::auditRecord);
            config.routes.post("/v1/check", ctx -> {
                ctx.header("Cache-Control", "no-store");
                api.check(ctx);
            });
            config.routes.post("/v1/check/batch", ctx -> {
                ctx.header("Cache-Control", "no-store");
                batches.run(ctx.path(), batchUnits(ctx.req().getContentLengthLong()), () -> api.batch(ctx));
            });
            ExtractApi extract = new ExtractApi(checker);
            config.routes.post("/v1/extract", ctx -> {
                ctx.header("Cache-Control", "no-store");
                extract.extract(ctx);
            });
            cds.register(config.routes);
            config.routes.exception(ProblemException.class, (e, ctx) -> {
                e.headers().forEach(ctx::header);
                problem(ctx, e.problem());
            });
            config.routes.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, fromJavalin(e, ctx)));
            config.routes.exception(Exception.class, (e, ctx) -> {
                // The class and where, never the message: a parser's message can quote the request.
                LOG.error("internal error on {} {}: {} at {}", ctx.method(), AccessLog.printable(ctx.path()),
                        e.getClass().getName(), e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
                problem(ctx, ProblemDetails.ofStatus(500, "Internal Server Error",
                        "urcheck failed on this request; the server log has the error class (not the request).", ctx.path()));
            });
        });
        try {
            app.start();
        } catch (RuntimeException e) {
            app.stop();
            throw e;
        }
        // Retention: expired records go at start-up and every hour after.
        java.util.concurrent.ScheduledExecutorService purger = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "urcheck-audit-retention");
            t.setDaemon(true);
            return t;
        });
        purger.scheduleWithFixedDelay(() -> {
            try {
                settings.audit().purgeExpired();
            } catch (RuntimeException e) {
                LOG.error("audit retention: expired records not deleted: {}", e.getClass().getName());
            }
        }, 0, 1, java.util.concurrent.TimeUnit.HOURS);
        return new CheckServer(app, purger);
    }

    /** How many of the {@link #CONCURRENT_BATCHES} a batch of this declared length takes (-1: not declared: all). */
    static int batchUnits(long declaredBytes) {
        if (declaredBytes < 0) {
            return CONCURRENT_BATCHES;
        }
        return (int) Math.max(1, Math.min(CONCURRENT_BATCHES, (declaredBytes + BATCH_UNIT_BYTES - 1) / BATCH_UNIT_BYTES));
    }

    private static org.eclipse.jetty.util.thread.QueuedThreadPool threadPool() {
        // Jetty 12 warns against a bounded job queue (it can drop its own internal jobs): the bounds are the
        // permits above, which answer 503 rather than drop a connection.
        var pool = new org.eclipse.jetty.util.thread.QueuedThreadPool(MAX_THREADS, 8, 60_000);
        pool.setName("urcheck-http");
        return pool;
    }

    private static ProblemDetails fromJavalin(HttpResponseException e, Context ctx) {
        if (e instanceof MethodNotAllowedResponse) {
            String allowed = e.getDetails().getOrDefault("availableMethods", e.getDetails().get("Available methods"));
            if (allowed != null) {
                ctx.header("Allow", allowed);
            }
            return ProblemDetails.ofStatus(405, "Method Not Allowed",
                    ctx.method().name() + " is not allowed on " + AccessLog.printable(ctx.path())
                            + (allowed == null ? "." : "; allowed: " + allowed + "."), ctx.path());
        }
        if (e.getStatus() == 404) {
            return ProblemDetails.ofStatus(404, "Not Found", "There is nothing at " + ctx.method().name() + " " + AccessLog.printable(ctx.path())
                    + ". The API is described at /openapi.json.", ctx.path());
        }
        io.javalin.http.HttpStatus status = io.javalin.http.HttpStatus.forStatus(e.getStatus());
        return ProblemDetails.ofStatus(e.getStatus(), status.getMessage(), status.getMessage() + ".", ctx.path());
    }

    private static void problem(Context ctx, ProblemDetails p) {
        CheckApi.sendBytes(ctx, p.status(), ProblemDetails.MEDIA_TYPE, JsonBodies.of(ctx, p));
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        purger.shutdownNow();
        app.stop();
    }
}
