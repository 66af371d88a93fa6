package urcheck.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import urcheck.TestCheckers;
import urcheck.audit.AuditDatabases;
import urcheck.audit.AuditStore;

/**
 * Through serve, on the embedded store and on PostgreSQL: a check and a hook call are recorded, can be looked up
 * afterwards by the id the answer's header gives, name the knowledge base, and keep the clinician's feedback.
 */
class AuditTrailHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static HttpResponse<String> post(int port, String path, byte[] body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @TestFactory
    Stream<DynamicTest> onEachDatabase() {
        return AuditDatabases.urls().stream().map(url -> DynamicTest.dynamicTest(AuditDatabases.kind(url), () -> {
            var checker = TestCheckers.builtIn();
            String kb = checker.rules().knowledgeVersion().id();
            try (AuditStore store = AuditStore.open(url, Duration.ofDays(30), false, Clock.systemUTC());
                 CheckServer server = CheckServer.start(checker, new CheckServer.Settings("127.0.0.1", 0, null, store))) {
                int port = server.port();
                byte[] seed = Files.readAllBytes(Path.of("fixtures/seeds/002-massage-and-cervical-medial-branch-block.json"));
                HttpResponse<String> check = post(port, "/v1/check", seed);
                assertEquals(200, check.statusCode());
                String id = check.headers().firstValue(AuditTrail.HEADER).orElseThrow();
                HttpResponse<String> again = post(port, "/v1/check", seed);
                assertEquals(check.body(), again.body(), "the answer stays byte-identical; the record id is in a header");
                assertFalse(id.equals(again.headers().firstValue(AuditTrail.HEADER).orElseThrow()), "each call is its own record");

                JsonNode record = JSON.readTree(get(port, "/v1/audit/" + id).body());
                assertEquals(kb, record.get("knowledgeVersion").asText());
                assertEquals("POST /v1/check", record.get("route").asText());
                assertEquals("seed-002", record.get("requestId").asText());
                assertEquals(JSON.readTree(check.body()), record.get("answer"), "the answer as sent");
                assertEquals(JSON.readTree(check.body()).at("/items/0/determination").asText(),
                        record.get("outcomes").get(JSON.readTree(check.body()).at("/items/0/id").asText()).asText());
                assertFalse(record.has("request"), "the request is not kept by default");

                // batches: the record keeps the answer streamed into the store, an NDJSON batch as the array of its lines
                String line = JSON.readTree(seed).toString();
                for (String type : List.of("application/json", "application/x-ndjson")) {
                    byte[] batch = (type.equals("application/json") ? "[" + line + "," + line + "]" : line + "\n" + line + "\n")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    HttpResponse<String> b = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                    + "/v1/check/batch")).header("Content-Type", type)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(batch)).build(), HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, b.statusCode(), b.body());
                    JsonNode kept = JSON.readTree(get(port, "/v1/audit/" + b.headers().firstValue(AuditTrail.HEADER).orElseThrow())
                            .body()).get("answer");
                    JsonNode sent = type.endsWith("x-ndjson")
                            ? JSON.readTree("[" + String.join(",", b.body().strip().split("\n")) + "]") : JSON.readTree(b.body());
                    assertEquals(sent, kept, type);
                    assertEquals(2, kept.size(), type);
                    assertEquals(JSON.readTree(check.body()), kept.get(1).get("answer"), type);
                }

                // a hook call with no Coverage: answered, stated under ODG, recorded under its hookInstance
                ObjectNode hook = (ObjectNode) JSON.readTree(Path.of("fixtures/fhir/hooks/order-sign-lumbar-mbb.json").toFile());
                ((ObjectNode) hook.get("prefetch")).remove("coverage");
                HttpResponse<String> sign = post(port, "/cds-services/urcheck-order-sign", JSON.writeValueAsBytes(hook));
                assertEquals(200, sign.statusCode(), sign.body());
                JsonNode cards = JSON.readTree(sign.body()).get("cards");
                assertTrue(cards.get(0).get("detail").asText().startsWith("*Checked under ODG: no jurisdiction in the request*"));
                String hookRecord = sign.headers().firstValue(AuditTrail.HEADER).orElseThrow();
                JsonNode hr = JSON.readTree(get(port, "/v1/audit/" + hookRecord).body());
                assertEquals(hook.get("hookInstance").asText(), hr.get("requestId").asText());
                assertEquals(kb, hr.get("knowledgeVersion").asText());
                assertTrue(JSON.readTree(sign.body()).at("/systemActions/0/resource/extension/0").toString().contains("-kb-" + kb),
                        "the coverage-assertion-id names the knowledge base");

                // the clinician overrides the first card, with one of its reasons
                JsonNode reason = cards.get(0).get("overrideReasons").get(1);
                String feedback = "{\"feedback\": [{\"card\": \"" + cards.get(0).get("uuid").asText() + "\", \"outcome\": \"overridden\","
                        + " \"overrideReason\": {\"reason\": " + reason + ", \"userComment\": \"seen in clinic\"},"
                        + " \"outcomeTimestamp\": \"2026-12-01T10:00:00Z\"}]}";
                assertEquals(200, post(port, "/cds-services/urcheck-order-sign/feedback", feedback.getBytes()).statusCode());
                JsonNode withFeedback = JSON.readTree(get(port, "/v1/audit/" + hookRecord).body()).get("feedback").get(0);
                assertEquals("overridden", withFeedback.get("outcome").asText());
                assertEquals(reason.get("code").asText(), withFeedback.get("overrideCode").asText());
                assertEquals("seen in clinic", withFeedback.get("userComment").asText());

                HttpResponse<String> bad = post(port, "/cds-services/urcheck-order-sign/feedback",
                        "{\"feedback\": [{\"card\": \"x\", \"outcome\": \"maybe\"}]}".getBytes());
                assertEquals(422, bad.statusCode());
                assertTrue(bad.body().contains("feedback[0].outcome") && bad.body().contains("feedback[0].outcomeTimestamp"), bad.body());
                assertEquals(404, get(port, "/v1/audit/00000000-0000-0000-0000-000000000000").statusCode());
            }
        }));
    }

    /** A store that fails is logged and the answer still goes out: an EHR is never left with nothing. */
    @org.junit.jupiter.api.Test
    void aFailingStoreDoesNotCostTheAnswer() throws Exception {
        AuditStore store = AuditStore.open("jdbc:h2:mem:failing-" + java.util.UUID.randomUUID(), Duration.ofDays(1), false, Clock.systemUTC());
        try (CheckServer server = CheckServer.start(TestCheckers.builtIn(), new CheckServer.Settings("127.0.0.1", 0, null, store))) {
            store.close();
            HttpResponse<String> sign = post(server.port(), "/cds-services/urcheck-order-sign",
                    Files.readAllBytes(Path.of("fixtures/fhir/hooks/order-sign-lumbar-mbb.json")));
            assertEquals(200, sign.statusCode(), sign.body());
            assertFalse(JSON.readTree(sign.body()).get("cards").isEmpty());
            assertTrue(sign.headers().firstValue(AuditTrail.HEADER).isEmpty(), "no record, so no record id");
        }
    }
}
