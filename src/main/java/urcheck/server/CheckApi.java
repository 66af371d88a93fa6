package urcheck.server;

import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import urcheck.Checker;
import urcheck.answer.AnswerJson;
import urcheck.answer.CaseAnswer;
import urcheck.answer.CriteriaListing;
import urcheck.casefile.CaseFile;
import urcheck.casefile.InvalidCaseFileException;

/**
 * The API's handlers: a case file in, the answer out, exactly as {@code check --json} writes it; a batch;
 * the criteria catalogue; health. One {@link Checker} (one compiled rule base) serves every request.
 */
final class CheckApi {

    static final String JSON = "application/json";

    private final Checker checker;
    private final Limits limits;
    private final byte[] criteria;
    private final AuditTrail audit;

    /** Body limits, documented in README and openapi.json. */
    record Limits(long checkBytes, long batchBytes, int batchCases) {
    }

    CheckApi(Checker checker, Limits limits, AuditTrail audit) {
        this.checker = checker;
        this.limits = limits;
        this.audit = audit;
        this.criteria = (AnswerJson.pretty(CriteriaListing.of(checker.rules())) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** POST /v1/check */
    void check(Context ctx) {
        String edition = edition(ctx);
        byte[] body = RequestBody.read(ctx, List.of(JSON), limits.checkBytes());
        CaseFile file;
        try {
            file = checker.reader().read("request body", body);
        } catch (InvalidCaseFileException e) {
            throw new ProblemException(ProblemDetails.invalidCaseFile(e, ctx.path()));
        }
        CaseAnswer answer = checker.answer(file, edition);
        String out = AnswerJson.pretty(answer) + "\n";
        audit.record(ctx, answer.caseId(), 200, AuditTrail.outcomes(answer), out, body, List.of());
        send(ctx, 200, JSON, out);
    }

    /** POST /v1/check/batch: a JSON array answers as a JSON array, NDJSON as NDJSON, one result per case in order. */
    void batch(Context ctx) {
        String edition = edition(ctx);
        byte[] body = RequestBody.read(ctx, List.of(BatchCases.JSON, BatchCases.NDJSON), limits.batchBytes());
        String type = RequestBody.mediaType(ctx);
        List<BatchResult> results = new ArrayList<>();
        for (BatchCases.Entry entry : BatchCases.split(body, type, limits.batchCases(), ctx.path())) {
            results.add(checkOne(entry, edition, ctx.path()));
        }
        Map<String, String> outcomes = new LinkedHashMap<>();
        for (BatchResult r : results) {
            AuditTrail.outcomes(r.index() + "/", r.answer(), outcomes);
        }
        String out;
        if (BatchCases.NDJSON.equals(type)) {
            StringBuilder nd = new StringBuilder();
            for (BatchResult r : results) {
                nd.append(AnswerJson.compact(r)).append('\n');
            }
            out = nd.toString();
        } else {
            out = AnswerJson.pretty(results) + "\n";
        }
        // the record keeps the answer as JSON: an NDJSON batch is kept as the JSON array of its lines
        audit.record(ctx, null, 200, outcomes, BatchCases.NDJSON.equals(type) ? AnswerJson.compact(results) : out, body, List.of());
        send(ctx, 200, BatchCases.NDJSON.equals(type) ? BatchCases.NDJSON : JSON, out);
    }

    private BatchResult checkOne(BatchCases.Entry entry, String edition, String instance) {
        try {
            CaseFile file = entry.read(checker.reader());
            return new BatchResult(entry.index(), entry.line(), file.facts().context().caseId(), 200,
                    checker.answer(file, edition), null);
        } catch (InvalidCaseFileException e) {
            return new BatchResult(entry.index(), entry.line(), entry.caseId(), 400, null,
                    ProblemDetails.invalidCaseFile(e, instance + "#" + entry.index()));
        }
    }

    /** GET /v1/criteria: the catalogue, exactly as {@code criteria --json} writes it. */
    void criteria(Context ctx) {
        sendBytes(ctx, 200, JSON, criteria);
    }

    /** GET /v1/audit/{id}: a record the server kept, with the feedback on its cards. */
    void auditRecord(Context ctx) {
        String id = ctx.pathParam("id");
        if (!id.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
            throw new ProblemException(new ProblemDetails("about:blank", "Bad Request", 400, "An audit id is a UUID, as the "
                    + "X-Urcheck-Audit-Id header of a call gives it.", ctx.path(),
                    List.of(new ProblemDetails.FieldError("{id}", "expected a UUID such as 3e2a8f0c-5b1d-4d7e-9a61-0c2f4b8d9e17"))));
        }
        var found = audit.store().find(id);
        if (found.isEmpty()) {
            throw new ProblemException(ProblemDetails.ofStatus(404, "Not Found", "No audit record " + id
                    + ": never made, or deleted after the retention period.", ctx.path()));
        }
        ctx.header("Cache-Control", "no-store");
        send(ctx, 200, JSON, AnswerJson.pretty(found.get()) + "\n");
    }

    /** GET /health: up, and which knowledge base it answers with. */
    void health(Context ctx) {
        Map<String, Object> kb = new LinkedHashMap<>();
        kb.put("origin", checker.rules().origin());
        kb.put("rules", checker.rules().ruleCount());
        kb.put("defaultOdgEdition", checker.rules().numbers().defaultEdition());
        kb.put("odgEditions", checker.rules().numbers().editions());
        kb.put("version", checker.rules().knowledgeVersion());
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("status", "UP");
        health.put("urcheckVersion", Checker.version());
        health.put("knowledgeBase", kb);
        send(ctx, 200, JSON, AnswerJson.pretty(health) + "\n");
    }

    /** The {@code odgEdition} query parameter: like the command line's --odg-edition, overrides the case's own. */
    private String edition(Context ctx) {
        List<String> values = ctx.queryParams("odgEdition");
        if (values.isEmpty()) {
            return null;
        }
        String edition = values.get(values.size() - 1);
        if (values.size() > 1 || !checker.rules().numbers().knows(edition)) {
            throw new ProblemException(new ProblemDetails("about:blank", "Bad Request", 400,
                    "The odgEdition query parameter takes one of: "
                            + String.join(", ", checker.rules().numbers().editions().keySet()) + ".",
                    ctx.path(), List.of(new ProblemDetails.FieldError("?odgEdition",
                            "expected one of " + String.join(", ", checker.rules().numbers().editions().keySet())))));
        }
        return edition;
    }

    static void send(Context ctx, int status, String contentType, String body) {
        sendBytes(ctx, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes the body straight to the response with its length, rather than through Javalin's result stream,
     * which copies every answer through a fresh 32 KiB buffer and sends it chunked.
     */
    static void sendBytes(Context ctx, int status, String contentType, byte[] body) {
        HttpServletResponse res = ctx.res();
        ctx.status(status);
        res.setContentType(contentType + ";charset=utf-8");
        res.setContentLength(body.length);
        try {
            res.getOutputStream().write(body);
        } catch (IOException e) {
            // The client went away; Jetty ends the exchange. Nothing to answer.
        }
    }
}
