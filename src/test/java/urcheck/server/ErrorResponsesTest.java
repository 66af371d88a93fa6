package urcheck.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static urcheck.server.RunningServer.post;
import static urcheck.server.RunningServer.uri;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every error is problem+json with the right status; nothing a client sends gets a 500. */
class ErrorResponsesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Asserts an RFC 9457 answer with this status and returns it. */
    static JsonNode problem(HttpResponse<String> r, int status) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals("application/problem+json;charset=utf-8", r.headers().firstValue("Content-Type").orElse(""), r.body());
        JsonNode p = JSON.readTree(r.body());
        assertEquals(status, p.get("status").asInt());
        assertTrue(p.hasNonNull("type") && p.hasNonNull("title") && p.hasNonNull("detail"), r.body());
        return p;
    }

    @Test
    void invalidCaseFileListsEveryOffendingFieldPath() throws Exception {
        String body = "{\"caseId\": \"x\", \"jurisdiction\": \"nevada\", \"colour\": 1, \"items\": [{\"id\": \"1\","
                + " \"service\": \"diagnostic_medial_branch_block\", \"sessions\": 0, \"laterality\": \"both\"}]}";
        JsonNode p = problem(post("/v1/check", "application/json", body), 400);
        assertEquals(ProblemDetails.INVALID_CASE_FILE, p.get("type").asText());
        assertEquals("/v1/check", p.get("instance").asText());
        assertEquals(List.of("$.colour", "$.items[0].laterality", "$.items[0].sessions", "$.jurisdiction"),
                CheckApiTest.paths(p));
    }

    @Test
    void problemsFoundAfterTheSchemaNameTheirFieldsToo() throws Exception {
        String body = "{\"caseId\": \"x\", \"jurisdiction\": \"texas\", \"items\": [{\"id\": \"1\","
                + " \"service\": \"diagnostic_medial_branch_block\", \"region\": \"cervical\", \"levels\": \"C9-C10\"},"
                + " {\"id\": \"2\", \"service\": \"iv_sedation\", \"primaryItem\": \"7\"}]}";
        JsonNode p = problem(post("/v1/check", "application/json", body), 400);
        List<String> paths = CheckApiTest.paths(p);
        assertTrue(paths.contains("$.items[0].levels"), paths.toString());
        assertTrue(paths.contains("$.items[1].primaryItem"), paths.toString());
    }

    @Test
    void malformedJsonIsA400NamingWhere() throws Exception {
        JsonNode p = problem(post("/v1/check", "application/json", "{\"caseId\": \"x\",,}"), 400);
        assertEquals("$", p.get("errors").get(0).get("path").asText());
        assertTrue(p.get("errors").get(0).get("message").asText().startsWith("line 1, column"), p.toString());
    }

    @Test
    void wrongOrMissingContentTypeIs415() throws Exception {
        byte[] seed = Files.readAllBytes(RunningServer.seeds().get(0));
        for (String type : Arrays.asList("text/plain", "application/x-www-form-urlencoded", null, "application/json; charset=ISO-8859-1",
                "application/xml")) {
            HttpResponse<String> r = post("/v1/check", type, seed);
            JsonNode p = problem(r, 415);
            assertEquals("application/json", r.headers().firstValue("Accept-Post").orElse(""), String.valueOf(type));
            assertTrue(p.get("detail").asText().contains("application/json"), p.toString());
        }
        HttpResponse<String> batch = post("/v1/check/batch", "text/csv", "a,b");
        problem(batch, 415);
        assertEquals("application/json, application/x-ndjson", batch.headers().firstValue("Accept-Post").orElse(""));
        problem(post("/v1/check", "application/x-ndjson", seed), 415);
    }

    @Test
    void oversizedBodiesAre413WhetherOrNotTheyDeclareTheirLength() throws Exception {
        byte[] big = new byte[(int) CheckServer.CHECK_BODY_LIMIT + 1];
        Arrays.fill(big, (byte) ' ');
        JsonNode declared = problem(post("/v1/check", "application/json", big), 413);
        assertTrue(declared.get("detail").asText().contains(String.valueOf(CheckServer.CHECK_BODY_LIMIT)), declared.toString());
        // A chunked body declares no length: the limit holds while reading.
        HttpRequest chunked = HttpRequest.newBuilder(uri("/v1/check")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build();
        problem(RunningServer.send(chunked), 413);
        // Exactly at the limit is not too large (it is blank, so it is a 400 for an empty file).
        problem(post("/v1/check", "application/json", Arrays.copyOf(big, (int) CheckServer.CHECK_BODY_LIMIT)), 400);
    }

    @Test
    void tooManyCasesInABatchIs413() throws Exception {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i <= CheckServer.BATCH_MAX_CASES; i++) {
            body.append(i > 0 ? "," : "").append("{}");
        }
        problem(post("/v1/check/batch", "application/json", body + "]"), 413);
        problem(post("/v1/check/batch", "application/x-ndjson", "{}\n".repeat(CheckServer.BATCH_MAX_CASES + 1)), 413);
    }

    @Test
    void aBatchThatIsNoBatchIs400() throws Exception {
        for (String body : List.of("", "{}", "[]", "[", "\"text\"", "42", "null")) {
            JsonNode p = problem(post("/v1/check/batch", "application/json", body), 400);
            assertFalse(p.has("errors") && p.get("errors").isEmpty(), body);
        }
        problem(post("/v1/check/batch", "application/x-ndjson", "\n \n\r\n"), 400);
    }

    @Test
    void unknownRoutesAre404AndWrongMethods405WithAllow() throws Exception {
        JsonNode notFound = problem(RunningServer.get("/v1/chek"), 404);
        assertEquals("/v1/chek", notFound.get("instance").asText());
        problem(post("/nothing/here", "application/json", "{}"), 404);
        HttpResponse<String> getCheck = RunningServer.get("/v1/check");
        problem(getCheck, 405);
        assertEquals("POST", getCheck.headers().firstValue("Allow").orElse(""));
        HttpResponse<String> postHealth = post("/health", "application/json", "{}");
        problem(postHealth, 405);
        assertEquals("GET", postHealth.headers().firstValue("Allow").orElse(""));
        HttpResponse<String> delete = RunningServer.send(HttpRequest.newBuilder(uri("/v1/check/batch")).DELETE().build());
        problem(delete, 405);
    }

    @Test
    void unknownEditionIs400() throws Exception {
        byte[] seed = Files.readAllBytes(RunningServer.seeds().get(0));
        JsonNode p = problem(post("/v1/check?odgEdition=odg-1999", "application/json", seed), 400);
        assertEquals("?odgEdition", p.get("errors").get(0).get("path").asText());
        problem(post("/v1/check?odgEdition=odg-mcg-2019&odgEdition=odg-wldi-2008-2017", "application/json", seed), 400);
    }

    /** Odd bodies, types and methods at every route: always an answer below 500, errors always problem+json. */
    @Test
    void oddInputsNeverGiveA500() throws Exception {
        Random random = new Random(20261122);
        List<byte[]> bodies = new ArrayList<>();
        for (String s : List.of("", " ", "null", "true", "0", "-1e999999", "\"\"", "[]", "{}", "[{}]", "[[]]", "{\"items\": null}",
                "{\"caseId\": 1, \"jurisdiction\": [], \"items\": {}}", "{\"items\": [null, 1, \"x\", {}]}",
                "{\"caseId\":\"a\",\"caseId\":\"b\"}", "{} {}", "\u0000", "\uFEFF{}", "{\"caseId\": \"\\ud800\"}",
                "{\"caseId\":\"x\",\"jurisdiction\":\"texas\",\"items\":[{\"id\":\"1\",\"service\":\"additional_level\",\"primaryItem\":\"1\"}]}",
                "{\"caseId\":\"x\",\"jurisdiction\":\"texas\",\"items\":[{\"id\":\"1\",\"service\":\"other\"},{\"id\":\"1\",\"service\":\"other\"}]}",
                "{\"caseId\":\"x\",\"jurisdiction\":\"texas\",\"requestDate\":\"2015-02-30\",\"items\":[{\"id\":\"1\",\"service\":\"other\"}]}",
                "{\"caseId\":\"x\",\"jurisdiction\":\"texas\",\"odgEdition\":\"nope\",\"items\":[{\"id\":\"1\",\"service\":\"other\"}]}",
                "{\"caseId\":\"x\",\"jurisdiction\":\"texas\",\"items\":[{\"id\":\"1\",\"service\":\"massage_therapy\",\"levels\":\"L4-S3, ,,-\"}]}",
                "[".repeat(100_000), "{\"a\":".repeat(5_000), "\"" + "x".repeat(900_000) + "\"")) {
            bodies.add(s.getBytes(StandardCharsets.UTF_8));
        }
        bodies.add(new byte[] {(byte) 0xC3, (byte) 0x28, '{', '}'});
        for (int i = 0; i < 20; i++) {
            byte[] junk = new byte[random.nextInt(400)];
            random.nextBytes(junk);
            bodies.add(junk);
        }
        List<String> types = Arrays.asList("application/json", "application/x-ndjson", "text/plain", null, "application/json; charset=\"",
                "multipart/form-data; boundary=x");
        List<String> routes = List.of("/v1/check", "/v1/check/batch", "/v1/extract", "/v1/criteria", "/health", "/openapi.json",
                "/v1/schema/case-file.json", "/", "/app.js", "/v1/check/batch/extra", "/v1/check?odgEdition=%00",
                "/..%2f..%2fetc/passwd", "/v1/check?odgEdition=" + "x".repeat(3000));
        List<String> methods = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (String route : routes) {
            for (String method : methods) {
                for (int b = 0; b < bodies.size(); b++) {
                    String type = types.get((b + route.length() + method.length()) % types.size());
                    HttpRequest.Builder req = HttpRequest.newBuilder(uri(route))
                            .method(method, HttpRequest.BodyPublishers.ofByteArray(bodies.get(b)));
                    if (type != null) {
                        req.header("Content-Type", type);
                    }
                    String what = method + " " + route.substring(0, Math.min(route.length(), 60)) + " body#" + b + " type " + type;
                    HttpResponse<String> r;
                    try {
                        r = RunningServer.send(req.build());
                    } catch (IOException e) {
                        failures.add(what + " -> no answer: " + e.getMessage());
                        continue;
                    }
                    sent++;
                    what += " -> " + r.statusCode();
                    if (r.statusCode() >= 500) {
                        failures.add(what);
                    } else if (r.statusCode() >= 400) {
                        String ct = r.headers().firstValue("Content-Type").orElse("");
                        if (!ct.startsWith(ProblemDetails.MEDIA_TYPE) || JSON.readTree(r.body()).get("status").asInt() != r.statusCode()) {
                            failures.add(what + " answered " + ct);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), failures, "of " + sent + " odd requests");
    }

    /** Requests Jetty refuses before any route sees them answer problem+json too. */
    @Test
    void malformedHttpIsAProblemToo() throws Exception {
        for (String raw : List.of("GARBAGE\r\n\r\n", "GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n",
                "POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n")) {
            try (Socket s = new Socket("127.0.0.1", RunningServer.get().port())) {
                s.setSoTimeout(10_000);
                OutputStream out = s.getOutputStream();
                out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                InputStream in = s.getInputStream();
                String answer = new String(in.readNBytes(4096), StandardCharsets.ISO_8859_1);
                String statusLine = answer.lines().findFirst().orElse("");
                int status = Integer.parseInt(statusLine.split(" ")[1]);
                assertTrue(status >= 400 && status < 500, raw.substring(0, Math.min(40, raw.length())) + " -> " + statusLine);
                assertTrue(answer.contains("Content-Type: application/problem+json"), answer);
            }
        }
    }
}
