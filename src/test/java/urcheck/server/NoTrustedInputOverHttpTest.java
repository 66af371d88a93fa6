package urcheck.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static urcheck.server.RunningServer.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --trusted-input} is a batch command-line option only (issue 14): no query parameter or header makes the
 * server skip the schema. The body is refused by the schema alone (a relief of 150%, which reading without the
 * schema would take), so any route that skipped it would answer 200.
 */
class NoTrustedInputOverHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> QUERIES = List.of("?trusted-input", "?trusted-input=true", "?trustedInput=true",
            "?trustedInput=1", "?inputValidation=skipped", "?validate=false", "?validation=off", "?schema=false");
    private static final List<String> HEADERS = List.of("X-Urcheck-Trusted-Input", "Trusted-Input", "X-Trusted-Input",
            "X-Urcheck-Input-Validation", "X-Skip-Validation");

    private static String schemaInvalidCase() throws Exception {
        ObjectNode tree = (ObjectNode) JSON.readTree(Path.of("fixtures/seeds/001-lumbar-medial-branch-block.json").toFile());
        ((ObjectNode) tree.get("priorProcedures").get(0)).put("reliefPercent", 150);
        return JSON.writeValueAsString(tree);
    }

    private static HttpResponse<String> postWithHeader(String path, String contentType, String body, String header)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(RunningServer.uri(path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", contentType);
        if (header != null) {
            b.header(header, header.endsWith("Validation") ? "skipped" : "true");
        }
        return RunningServer.send(b.build());
    }

    @Test
    void checkRefusesTheCaseWhateverTheQueryOrHeaders() throws Exception {
        String body = schemaInvalidCase();
        for (String query : QUERIES) {
            assertRefusedByTheSchema(post("/v1/check" + query, "application/json", body), query);
        }
        for (String header : HEADERS) {
            assertRefusedByTheSchema(postWithHeader("/v1/check?trusted-input=true", "application/json", body, header), header);
        }
    }

    @Test
    void batchRefusesTheCaseWhateverTheQueryOrHeaders() throws Exception {
        String body = schemaInvalidCase();
        for (String query : QUERIES) {
            assertBatchRefused(post("/v1/check/batch" + query, "application/json", "[" + body + "]"), query);
            assertBatchRefused(post("/v1/check/batch" + query, "application/x-ndjson", body + "\n"), query + " (NDJSON)");
        }
        for (String header : HEADERS) {
            assertBatchRefused(postWithHeader("/v1/check/batch", "application/x-ndjson", body + "\n", header), header);
        }
    }

    @Test
    void aValidCaseIsAnsweredWithoutTheTrustedInputField() throws Exception {
        String body = JSON.writeValueAsString(JSON.readTree(Path.of("fixtures/seeds/001-lumbar-medial-branch-block.json").toFile()));
        HttpResponse<String> r = postWithHeader("/v1/check?trusted-input=true", "application/json", body, "X-Urcheck-Trusted-Input");
        assertEquals(200, r.statusCode(), r.body());
        assertFalse(JSON.readTree(r.body()).has("inputValidation"), "the server never says validation was skipped: it never is");
    }

    private static void assertRefusedByTheSchema(HttpResponse<String> r, String how) throws Exception {
        assertEquals(400, r.statusCode(), how + ": " + r.body());
        JsonNode problem = JSON.readTree(r.body());
        assertEquals(ProblemDetails.INVALID_CASE_FILE, problem.get("type").asText(), how);
        assertEquals(List.of("$.priorProcedures[0].reliefPercent"), CheckApiTest.paths(problem), how);
    }

    private static void assertBatchRefused(HttpResponse<String> r, String how) throws Exception {
        assertEquals(200, r.statusCode(), how + ": " + r.body());
        // An array answers an array; NDJSON answers a line per case.
        boolean ndjson = r.headers().firstValue("Content-Type").orElse("").startsWith("application/x-ndjson");
        JsonNode result = ndjson ? JSON.readTree(r.body().lines().findFirst().orElse("")) : JSON.readTree(r.body()).get(0);
        assertEquals(400, result.get("status").asInt(), how + ": " + r.body());
        assertFalse(result.has("answer"), how);
        assertEquals(List.of("$.priorProcedures[0].reliefPercent"), CheckApiTest.paths(result.get("problem")), how);
    }
}
