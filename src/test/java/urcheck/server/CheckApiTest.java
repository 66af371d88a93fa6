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

/** The API answers what the command line answers (compact, or with ?pretty byte for byte), for one case and for batches. */
class CheckApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void checkAnswersWhatCheckJsonPrintsCompactAndWithPrettyByteForByte() throws Exception {
        for (Path seed : RunningServer.seeds()) {
            HttpResponse<String> r = post("/v1/check", "application/json", Files.readAllBytes(seed));
            assertEquals(200, r.statusCode(), seed + ": " + r.body());
            assertEquals("application/json;charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
            assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""), "answers carry patient data");
            String printed = cli("check", "--json", seed.toString());
            assertEquals(JSON.readTree(printed), JSON.readTree(r.body()), seed.toString());
            assertEquals(1, r.body().lines().count(), "compact unless ?pretty: " + seed);
            assertTrue(r.body().endsWith("}\n"), seed.toString());
            // Compact is the batch line of the same case, byte for byte.
            Path line = Files.writeString(Files.createTempFile("urcheck-case-", ".jsonl"),
                    JSON.readTree(seed.toFile()).toString() + "\n");
            try {
                assertEquals(cli("check", "--batch", line.toString()), r.body(), seed.toString());
            } finally {
                Files.delete(line);
            }
            for (String pretty : List.of("?pretty", "?pretty=true")) {
                HttpResponse<String> p = post("/v1/check" + pretty, "application/json", Files.readAllBytes(seed));
                assertEquals(printed, p.body(), seed + pretty);
            }
            assertEquals(r.body(), post("/v1/check?pretty=false", "application/json", Files.readAllBytes(seed)).body());
        }
    }

    @Test
    void odgEditionParameterOverridesLikeTheCommandLineOption() throws Exception {
        Path seed = RunningServer.seeds().get(1);
        HttpResponse<String> r = post("/v1/check?odgEdition=odg-mcg-2019&pretty", "application/json", Files.readAllBytes(seed));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(cli("check", "--json", "--odg-edition", "odg-mcg-2019", seed.toString()), r.body());
        assertEquals("odg-mcg-2019", JSON.readTree(r.body()).get("odgEdition").asText());
    }

    @Test
    void prettyTakesNoValueTrueOrFalseAndErrorsFollowIt() throws Exception {
        Path seed = RunningServer.seeds().get(0);
        for (String bad : List.of("?pretty=yes", "?pretty=1", "?pretty&pretty")) {
            HttpResponse<String> r = post("/v1/check" + bad, "application/json", Files.readAllBytes(seed));
            assertEquals(400, r.statusCode(), bad);
            assertEquals("?pretty", JSON.readTree(r.body()).at("/errors/0/path").asText(), bad);
        }
        HttpResponse<String> compact = get("/v1/chek");
        HttpResponse<String> pretty = get("/v1/chek?pretty");
        assertEquals(404, compact.statusCode());
        assertEquals(JSON.readTree(compact.body()), JSON.readTree(pretty.body()));
        assertEquals(1, compact.body().lines().count(), compact.body());
        assertTrue(pretty.body().contains("\n  \"title\" : "), pretty.body());
        HttpResponse<String> health = get("/health?pretty");
        assertTrue(health.body().contains("\n  \"status\" : \"UP\""), health.body());
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
        assertEquals(1, once.lines().count(), "compact unless ?pretty");
        String pretty = post("/v1/check/batch?pretty", "application/json", body + "]").body();
        assertEquals(JSON.readTree(once), JSON.readTree(pretty));
        // Written result by result as the cases are checked, it is what the whole list written at once gives.
        assertEquals(urcheck.answer.AnswerJson.pretty(JSON.readTree(once)) + "\n", pretty);
        StringBuilder lines = new StringBuilder();
        for (Path seed : RunningServer.seeds()) {
            lines.append(JSON.readTree(seed.toFile()).toString()).append('\n');
        }
        String ndjson = post("/v1/check/batch?pretty", "application/x-ndjson", lines.toString()).body();
        assertEquals(RunningServer.seeds().size(), ndjson.lines().count(), "NDJSON stays one result per line: " + ndjson);
    }

    @Test
    void criteriaIsWhatCriteriaJsonPrints() throws Exception {
        HttpResponse<String> r = get("/v1/criteria?pretty");
        assertEquals(200, r.statusCode());
        assertEquals(cli("criteria", "--json"), r.body());
        HttpResponse<String> compact = get("/v1/criteria");
        assertEquals(JSON.readTree(r.body()), JSON.readTree(compact.body()));
        assertEquals(1, compact.body().lines().count());
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
