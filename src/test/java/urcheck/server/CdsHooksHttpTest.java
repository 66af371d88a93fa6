package urcheck.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A CDS Hooks client's view over HTTP: discovery, then a hook call; bad calls get 400/415, never 500. */
class CdsHooksHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void discoveryThenAHookCallGivesCards() throws Exception {
        HttpResponse<String> discovery = RunningServer.get("/cds-services");
        assertEquals(200, discovery.statusCode(), discovery.body());
        assertTrue(discovery.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals("*", discovery.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        JsonNode services = JSON.readTree(discovery.body()).get("services");
        String id = null;
        for (JsonNode s : services) {
            if (s.get("hook").asText().equals("order-select")) {
                id = s.get("id").asText();
                assertTrue(s.has("prefetch"), s.toString());
            }
        }
        byte[] request = Files.readAllBytes(Path.of("fixtures/fhir/hooks/order-select-cervical-mbb.json"));
        HttpResponse<String> call = RunningServer.post("/cds-services/" + id, "application/json", request);
        assertEquals(200, call.statusCode(), call.body());
        JsonNode card = JSON.readTree(call.body()).get("cards").get(0);
        assertTrue(card.get("summary").asText().length() < 140);
        assertEquals("warning", card.get("indicator").asText());
        assertTrue(card.get("detail").asText().contains("ODG-FJDB-2A"), card.get("detail").asText());
    }

    @Test
    void aHookCallWithoutItsContextIsA422Problem() throws Exception {
        HttpResponse<String> call = RunningServer.post("/cds-services/urcheck-order-select", "application/json",
                "{\"hook\": \"order-select\", \"hookInstance\": \"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea\"}");
        assertEquals(422, call.statusCode(), call.body());
        assertTrue(call.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    }

    @Test
    void unknownServiceMalformedJsonAndWrongTypeAreClientErrors() throws Exception {
        assertEquals(404, RunningServer.post("/cds-services/nope", "application/json", "{}").statusCode());
        assertEquals(400, RunningServer.post("/cds-services/urcheck-order-sign", "application/json", "{\"hook\":").statusCode());
        assertEquals(415, RunningServer.post("/cds-services/urcheck-order-sign", "text/plain", "{}").statusCode());
    }

    @Test
    void preflightIsAnswered() throws Exception {
        HttpResponse<String> pre = RunningServer.send(HttpRequest.newBuilder(RunningServer.uri("/cds-services/urcheck-order-sign"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://ehr.example").header("Access-Control-Request-Method", "POST").build());
        assertEquals(204, pre.statusCode());
        assertTrue(pre.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"));
    }
}
