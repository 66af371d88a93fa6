package urcheck.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static urcheck.server.RunningServer.cli;
import static urcheck.server.RunningServer.get;
import static urcheck.server.RunningServer.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The API answers what the command line answers, byte for byte, for one case and for batches. */
class CheckApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void checkAnswersExactlyWhatCheckJsonPrints() throws Exception {
        for (Path seed : RunningServer.seeds()) {
            HttpResponse<String> r = post("/v1/check", "application/json", Files.readAllBytes(seed));
            assertEquals(200, r.statusCode(), seed + ": " + r.body());
            assertEquals("application/json;charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
            assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""), "answers carry patient data");
            assertEquals(cli("check", "--json", seed.toString()), r.body(), seed.toString());
        }
    }

    @Test
    void odgEditionParameterOverridesLikeTheCommandLineOption() throws Exception {
        Path seed = RunningServer.seeds().get(1);
        HttpResponse<String> r = post("/v1/check?odgEdition=odg-mcg-2019", "application/json", Files.readAllBytes(seed));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(cli("check", "--json", "--odg-edition", "odg-mcg-2019", seed.toString()), r.body());
        assertEquals("odg-mcg-2019", JSON.readTree(r.body()).get("odgEdition").asText());
    }

    @Test
    void charsetUtf8IsAccepted() throws Exception {
        Path seed = RunningServer.seeds().get(0);
        HttpResponse<String> r = post("/v1/check", "application/json; charset=UTF-8", Files.readAllBytes(seed));
        assertEquals(200, r.statusCode(), r.body());
    }

    @Test
    void batchAsJsonArrayAnswersEveryCaseInOrderAndKeepsBadCasesApart() throws Exception {
        List<Path> seeds = RunningServer.seeds();
        StringBuilder body = new StringBuilder("[");
        for (Path seed : seeds) {
            body.append(Files.readString(seed)).append(',');
        }
        body.append("{\"caseId\": \"bad-one\", \"jurisdiction\": \"nevada\", \"items\": []}]");
        HttpResponse<String> r = post("/v1/check/batch", "application/json", body.toString());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode results = JSON.readTree(r.body());
        assertEquals(seeds.size() + 1, results.size());
        for (int i = 0; i < seeds.size(); i++) {
            JsonNode result = results.get(i);
            assertEquals(i, result.get("index").asInt());
            assertEquals(200, result.get("status").asInt());
            assertFalse(result.has("line"), "line numbers are for NDJSON only");
            assertEquals(JSON.readTree(cli("check", "--json", seeds.get(i).toString())), result.get("answer"), seeds.get(i).toString());
            assertEquals(result.get("answer").get("caseId"), result.get("caseId"));
        }
        JsonNode bad = results.get(seeds.size());
        assertEquals(400, bad.get("status").asInt());
        assertEquals("bad-one", bad.get("caseId").asText());
        assertFalse(bad.has("answer"));
        assertEquals(ProblemDetails.INVALID_CASE_FILE, bad.get("problem").get("type").asText());
        assertEquals(List.of("$.items", "$.jurisdiction"), paths(bad.get("problem")));
    }

    @Test
    void batchAsNdjsonAnswersOneLinePerCaseWithLineNumbers() throws Exception {
        List<Path> seeds = RunningServer.seeds();
        String first = JSON.readTree(Files.readString(seeds.get(0))).toString();
        String second = JSON.readTree(Files.readString(seeds.get(2))).toString();
        String body = first + "\r\n\n   \n" + "{\"caseId\": \"cut-off\"," + "\n" + second;
        HttpResponse<String> r = post("/v1/check/batch", "application/x-ndjson", body);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("application/x-ndjson;charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
        String[] lines = r.body().split("\n");
        assertEquals(3, lines.length, r.body());
        JsonNode a = JSON.readTree(lines[0]);
        JsonNode broken = JSON.readTree(lines[1]);
        JsonNode c = JSON.readTree(lines[2]);
        assertEquals(List.of(0, 1, 2), List.of(a.get("index").asInt(), broken.get("index").asInt(), c.get("index").asInt()));
        assertEquals(List.of(1, 4, 5), List.of(a.get("line").asInt(), broken.get("line").asInt(), c.get("line").asInt()));
        assertEquals(JSON.readTree(cli("check", "--json", seeds.get(0).toString())), a.get("answer"));
        assertEquals(JSON.readTree(cli("check", "--json", seeds.get(2).toString())), c.get("answer"));
        assertEquals(400, broken.get("status").asInt());
        assertEquals("$", broken.get("problem").get("errors").get(0).get("path").asText());
        assertTrue(broken.get("problem").get("errors").get(0).get("message").asText().contains("malformed JSON"));
    }

    @Test
    void batchIsDeterministic() throws Exception {
        StringBuilder body = new StringBuilder("[");
        for (Path seed : RunningServer.seeds()) {
            body.append(body.length() > 1 ? "," : "").append(Files.readString(seed));
        }
        String once = post("/v1/check/batch", "application/json", body + "]").body();
        String twice = post("/v1/check/batch", "application/json", body + "]").body();
        assertEquals(once, twice);
    }

    @Test
    void criteriaIsWhatCriteriaJsonPrints() throws Exception {
        HttpResponse<String> r = get("/v1/criteria");
        assertEquals(200, r.statusCode());
        assertEquals(cli("criteria", "--json"), r.body());
    }

    @Test
    void healthNamesTheKnowledgeBase() throws Exception {
        HttpResponse<String> r = get("/health");
        assertEquals(200, r.statusCode());
        JsonNode h = JSON.readTree(r.body());
        assertEquals("UP", h.get("status").asText());
        assertTrue(h.get("knowledgeBase").get("rules").asInt() > 0);
        assertTrue(h.get("knowledgeBase").get("odgEditions").has(h.get("knowledgeBase").get("defaultOdgEdition").asText()));
    }

    @Test
    void servesThePublishedSchemaAndThePage() throws Exception {
        HttpResponse<String> schema = get("/v1/schema/case-file.json");
        assertEquals(200, schema.statusCode());
        assertEquals("application/schema+json;charset=utf-8", schema.headers().firstValue("Content-Type").orElse(""));
        assertEquals(new String(Files.readAllBytes(Path.of("src/main/resources/urcheck/case-file.schema.json")),
                StandardCharsets.UTF_8), schema.body());
        HttpResponse<String> page = get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("default-src 'self'"), "the page may load nothing from elsewhere: " + csp);
        for (String asset : List.of("/app.js", "/app.css")) {
            assertEquals(200, get(asset).statusCode(), asset);
        }
    }

    @Test
    void thePageFetchesNothingFromAnotherHost() throws Exception {
        for (String asset : List.of("/", "/app.js", "/app.css")) {
            String text = get(asset).body();
            List<String> external = new ArrayList<>();
            for (String marker : List.of("http://", "https://", "//cdn", "@import", "url(")) {
                if (text.contains(marker)) {
                    external.add(marker);
                }
            }
            assertEquals(List.of(), external, asset + " must not reference another host");
        }
    }

    static List<String> paths(JsonNode problem) {
        List<String> out = new ArrayList<>();
        problem.get("errors").forEach(e -> out.add(e.get("path").asText()));
        return out;
    }
}
