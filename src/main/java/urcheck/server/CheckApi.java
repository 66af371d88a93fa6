package urcheck.server;

import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import urcheck.Checker;
import urcheck.answer.AnswerJson;
import urcheck.answer.CaseAnswer;
import urcheck.answer.CriteriaListing;
import urcheck.casefile.CaseFile;
import urcheck.casefile.InvalidCaseFileException;
import urcheck.engine.CaseChecker;

/**
 * The API's handlers: a case file in, the answer out, as {@code check --json} writes it (compact unless the request
 * asks ?pretty: {@link JsonBodies}); a batch; the criteria catalogue; health. One {@link Checker} (one compiled rule
 * base) serves every request.
 */
final class CheckApi {

    static final String JSON = "application/json";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("urcheck.http");

    private final Checker checker;
    private final Limits limits;
    /** The catalogue never changes while the server runs: written once, compact and pretty. */
    private final byte[] criteria;
    private final byte[] criteriaPretty;
    private final AuditTrail audit;

    /** Body limits, documented in README and openapi.json. */
    record Limits(long checkBytes, long batchBytes, int batchCases) {
    }

    CheckApi(Checker checker, Limits limits, AuditTrail audit) {
        this.checker = checker;
        this.limits = limits;
        this.audit = audit;
        CriteriaListing listing = CriteriaListing.of(checker.rules());
        this.criteria = AnswerJson.body(listing, false);
        this.criteriaPretty = AnswerJson.body(listing, true);
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
        byte[] out = JsonBodies.of(ctx, answer);
        // The record keeps the answer as sent.
        audit.record(ctx, answer.caseId(), 200, AuditTrail.outcomes(answer), new String(out, StandardCharsets.UTF_8), body,
                List.of());
        sendBytes(ctx, 200, JSON, out);
    }

    /**
     * POST /v1/check/batch: a JSON array answers as a JSON array, NDJSON as NDJSON, one result per case in order.
     * Cases are checked {@link CaseChecker#CASES_PER_SESSION} at a time in shared rule sessions; each result is
     * written as soon as its group is checked and then dropped, and each case's tree or line with it: a batch holds
     * its body, its answer's bytes and one group of cases, not a thousand answers (four batches at once must fit
     * the server's heap; docs/speed.md).
     */
    void batch(Context ctx) throws IOException {
        String edition = edition(ctx);
        byte[] read = RequestBody.read(ctx, List.of(BatchCases.JSON, BatchCases.NDJSON), limits.batchBytes());
        String type = RequestBody.mediaType(ctx);
        boolean ndjson = BatchCases.NDJSON.equals(type);
        List<BatchCases.Entry> entries = BatchCases.split(read, type, limits.batchCases(), ctx.path());
        // Split into its cases, the body is kept only when the audit record keeps requests.
        byte[] body = audit.store().keepsRequests() ? read : null;
        read = null;
        ClientGone gone = ClientGone.of(ctx);
        Map<String, String> outcomes = new LinkedHashMap<>();
        ChunkedBody out = new ChunkedBody();
        // Text encoded as it goes, as the command line's output is (AnswerJson.body says why).
        Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try {
            // NDJSON is compact whatever ?pretty says: one result per line.
            AnswerJson.ArrayWriter array = ndjson ? null : new AnswerJson.ArrayWriter(text, JsonBodies.pretty(ctx));
            int total = entries.size();
            List<BatchResult> checked = List.of();
            for (int i = 0; i < total; i++) {
                if (i % CaseChecker.CASES_PER_SESSION == 0) {
                    if (gone.now()) {
                        // Nobody is waiting for the answer: stop spending CPU on it (a 1,000-case batch is seconds of work).
                        LOG.info("batch abandoned after {} of {} cases: the client closed the connection", i, total);
                        return;
                    }
                    // The next cases together, sharing their rule sessions as check --batch does.
                    List<BatchCases.Entry> group = new ArrayList<>(CaseChecker.CASES_PER_SESSION);
                    for (int j = i; j < Math.min(total, i + CaseChecker.CASES_PER_SESSION); j++) {
                        group.add(entries.set(j, null));
                    }
                    checked = checkGroup(group, edition, ctx.path());
                }
                BatchResult r = checked.get(i % CaseChecker.CASES_PER_SESSION);
                AuditTrail.outcomes(r.index() + "/", r.answer(), outcomes);
                if (ndjson) {
                    text.write(AnswerJson.compact(r));
                    text.write('\n');
                } else {
                    array.add(r);
                }
            }
            if (!ndjson) {
                array.close();
                text.write('\n');
            }
            text.close();
            // The record keeps the answer as JSON, streamed from the bytes sent: an NDJSON batch as the array of its lines.
            try (InputStream answer = ndjson ? out.ndjsonAsArray() : out.inputStream()) {
                audit.record(ctx, null, 200, outcomes, answer, body, List.of());
            }
            HttpServletResponse res = ctx.res();
            ctx.status(200);
            res.setContentType((ndjson ? BatchCases.NDJSON : JSON) + ";charset=utf-8");
            res.setContentLengthLong(out.size());
            try {
                out.writeTo(res.getOutputStream());
            } catch (IOException e) {
                // The client went away; Jetty ends the exchange. Nothing to answer.
            }
        } finally {
            out.release();
        }
    }

    /**
     * A group of a batch's cases: the readable ones checked in shared rule sessions ({@link Checker#evaluateEach}), so
     * a failure is one case's 500 and the others keep their answers.
     */
    private List<BatchResult> checkGroup(List<BatchCases.Entry> group, String edition, String instance) {
        BatchResult[] out = new BatchResult[group.size()];
        List<CaseFile> files = new ArrayList<>(group.size());
        List<Integer> at = new ArrayList<>(group.size());
        for (int k = 0; k < group.size(); k++) {
            BatchCases.Entry entry = group.get(k);
            try {
                files.add(entry.read(checker.reader()));
                at.add(k);
            } catch (InvalidCaseFileException e) {
                out[k] = new BatchResult(entry.index(), entry.line(), entry.caseId(), 400, null,
                        ProblemDetails.invalidCaseFile(e, instance + "#" + entry.index()));
            } catch (RuntimeException e) {
                out[k] = internalError(entry, e, instance);
            }
        }
        List<Checker.Evaluated> evaluated = checker.evaluateEach(files, edition);
        for (int m = 0; m < files.size(); m++) {
            BatchCases.Entry entry = group.get(at.get(m));
            try {
                if (evaluated.get(m).failure() != null) {
                    throw evaluated.get(m).failure();
                }
                out[at.get(m)] = new BatchResult(entry.index(), entry.line(), files.get(m).facts().context().caseId(), 200,
                        checker.answers().answer(evaluated.get(m).evaluation()), null);
            } catch (RuntimeException e) {
                out[at.get(m)] = internalError(entry, e, instance);
            }
        }
        return Arrays.asList(out);
    }

    /** A fault of urcheck's on one case is that case's 500; every other case keeps its answer. */
    private BatchResult internalError(BatchCases.Entry entry, RuntimeException e, String instance) {
        LOG.error("internal error on batch case {}: {} at {}", entry.index(), e.getClass().getName(), Checker.whereFailed(e));
        return new BatchResult(entry.index(), entry.line(), entry.caseId(), 500, null,
                ProblemDetails.ofStatus(500, "Internal Server Error", "urcheck failed on this case; the server log has "
                        + "the error class (not the case).", instance + "#" + entry.index()));
    }

    /** GET /v1/criteria: the catalogue, as {@code criteria --json} writes it (with ?pretty, exactly). */
    void criteria(Context ctx) {
        sendBytes(ctx, 200, JSON, JsonBodies.pretty(ctx) ? criteriaPretty : criteria);
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
        JsonBodies.send(ctx, 200, JSON, found.get());
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
        JsonBodies.send(ctx, 200, JSON, health);
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
