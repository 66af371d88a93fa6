package urcheck.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import urcheck.TestCheckers;
import urcheck.casefile.InvalidCaseFileException;

/**
 * /openapi.json describes what the server does: every example in it is checked against the running server.
 * A request example named X is sent, and must answer with the status whose response holds an example named X;
 * examples without a request example are produced by the requests in {@link #reproduce}. Problems must match
 * their example exactly; answers must match in what they decide (items, determinations, IMR outcome,
 * governing section, every criterion's status) so that rewording a finding in the rules does not make the
 * document wrong. Every example and every real answer must also fit the schema the document gives for it.
 */
class OpenApiDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode doc;

    @BeforeAll
    static void load() throws Exception {
        HttpResponse<String> r = RunningServer.get("/openapi.json");
        assertEquals(200, r.statusCode());
        doc = JSON.readTree(r.body());
        assertEquals(JSON.readTree(Files.readString(Path.of("src/main/resources/urcheck/openapi.json"))), doc);
        assertTrue(doc.get("openapi").asText().startsWith("3."), "an OpenAPI 3 document");
    }

    @Test
    void documentsEveryRouteTheServerHas() throws Exception {
        List<String> documented = new ArrayList<>();
        doc.get("paths").fieldNames().forEachRemaining(documented::add);
        for (String path : documented) {
            for (Iterator<String> m = doc.get("paths").get(path).fieldNames(); m.hasNext(); ) {
                String method = m.next().toUpperCase();
                String concrete = path.replace("{id}", "urcheck-order-sign");
                HttpResponse<String> r = RunningServer.send(HttpRequest.newBuilder(RunningServer.uri(concrete))
                        .method(method, HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json").build());
                assertTrue(r.statusCode() != 404 && r.statusCode() != 405, method + " " + path + " is documented but answers " + r.statusCode());
            }
        }
        assertEquals(new TreeSet<>(List.of("/", "/health", "/openapi.json", "/v1/check", "/v1/check/batch", "/v1/extract", "/v1/criteria",
                "/v1/schema/case-file.json", "/v1/audit/{id}", "/cds-services", "/cds-services/{id}", "/questions.json")), new TreeSet<>(documented),
                "the routes CheckServer registers, less the page's script and style");
    }

    @Test
    void everyExampleFitsItsSchema() throws Exception {
        for (Example e : examples()) {
            if (e.request) {
                if (e.mediaType.equals("application/json") && e.value.isObject()) {
                    readCase(e);
                } else if (e.value.isArray()) {
                    for (JsonNode c : e.value) {
                        try {
                            TestCheckers.builtIn().reader().read(e.name, c);
                        } catch (InvalidCaseFileException ignored) {
                            // a batch example may hold a bad case on purpose; it still has to be JSON
                        }
                    }
                }
                continue;
            }
            for (JsonNode instance : instances(e.mediaType, e.value)) {
                assertFits(e.mediaType, e.schema, instance, e.toString());
            }
        }
    }

    @Test
    void everyExampleHappensOnTheRunningServer() throws Exception {
        List<Example> all = examples();
        List<String> unchecked = new ArrayList<>();
        for (Example response : all) {
            if (response.request) {
                continue;
            }
            HttpResponse<String> actual;
            Example request = all.stream().filter(x -> x.request && x.path.equals(response.path) && x.name.equals(response.name))
                    .findFirst().orElse(null);
            if (request != null) {
                String query = request.extension("x-query");
                String body = request.value.isTextual() ? request.value.asText() : JSON.writeValueAsString(request.value);
                actual = RunningServer.post(request.path + (query == null ? "" : "?" + query), request.mediaType, body);
            } else {
                actual = reproduce(response);
                if (actual == null) {
                    unchecked.add(response.toString());
                    continue;
                }
            }
            assertEquals(response.status, actual.statusCode(), response + ": " + actual.body());
            String type = actual.headers().firstValue("Content-Type").orElse("").split(";")[0];
            assertEquals(response.mediaType, type, response.toString());
            List<JsonNode> got = instances(type, actual.body());
            for (JsonNode instance : got) {
                assertFits(type, response.schema, instance, "the real answer to " + response);
            }
            compare(response, instances(response.mediaType, response.value), got);
        }
        assertEquals(List.of(), unchecked, "response examples that no request checks");
    }

    /** The requests behind response examples that have no request example of their own. */
    private static HttpResponse<String> reproduce(Example e) throws Exception {
        if (e.name.equals("methodNotAllowed")) {
            return RunningServer.send(HttpRequest.newBuilder(RunningServer.uri(e.path)).DELETE().build());
        }
        return switch (e.path + " " + e.name) {
            case "/v1/check tooLarge" -> {
                byte[] big = new byte[(int) CheckServer.CHECK_BODY_LIMIT + 1];
                Arrays.fill(big, (byte) ' ');
                yield RunningServer.post("/v1/check", "application/json", big);
            }
            case "/v1/check wrongType" -> RunningServer.post("/v1/check", "application/x-www-form-urlencoded", "caseId=1");
            case "/v1/check/batch tooLarge" -> RunningServer.post("/v1/check/batch", "application/json",
                    "[" + String.join(",", java.util.Collections.nCopies(1200, "{}")) + "]");
            case "/v1/check/batch wrongType" -> RunningServer.post("/v1/check/batch", "text/csv", "a,b");
            case "/v1/check/batch notABatch" -> RunningServer.post("/v1/check/batch", "application/json", "{}");
            case "/v1/criteria excerpt", "/health up" -> RunningServer.get(e.path);
            case "#/components/responses/NotFound notFound" -> RunningServer.get("/v1/chek");
            case "/v1/audit/{id} notFound" -> RunningServer.get("/v1/audit/00000000-0000-0000-0000-000000000000");
            default -> null;
        };
    }

    private static void compare(Example e, List<JsonNode> expected, List<JsonNode> actual) {
        if (e.name.equals("excerpt")) {
            // An excerpt of the catalogue: every criterion it shows is in the real one, as shown.
            for (JsonNode section : expected.get(0).get("sections")) {
                for (JsonNode criterion : section.get("criteria")) {
                    assertTrue(containsCriterion(actual.get(0), section.get("id").asText(), criterion), e + ": " + criterion.get("id"));
                }
            }
            return;
        }
        if (e.name.equals("up")) {
            assertEquals(expected.get(0).get("status"), actual.get(0).get("status"));
            assertEquals(expected.get(0).get("knowledgeBase").get("odgEditions"), actual.get(0).get("knowledgeBase").get("odgEditions"));
            return;
        }
        assertEquals(expected.size(), actual.size(), e.toString());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(decided(expected.get(i)), decided(actual.get(i)), e + " [" + i + "]");
        }
    }

    private static boolean containsCriterion(JsonNode listing, String sectionId, JsonNode criterion) {
        for (JsonNode s : listing.get("sections")) {
            if (s.get("id").asText().equals(sectionId)) {
                for (JsonNode c : s.get("criteria")) {
                    if (c.equals(criterion)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** What an answer decides, without its wording; problems and everything else whole. */
    static JsonNode decided(JsonNode node) {
        if (node.isObject() && node.has("items") && node.has("urcheckVersion")) {
            ObjectNode out = JSON.createObjectNode();
            out.set("caseId", node.get("caseId"));
            out.set("jurisdiction", node.get("jurisdiction"));
            out.set("odgEdition", node.get("odgEdition"));
            ArrayNode items = out.putArray("items");
            for (JsonNode it : node.get("items")) {
                ObjectNode item = items.addObject();
                for (String f : List.of("id", "service", "determination", "imrPrediction", "primaryItem")) {
                    if (it.has(f)) {
                        item.set(f, it.get(f));
                    }
                }
                if (it.has("guideline")) {
                    item.set("sectionId", it.get("guideline").get("sectionId"));
                }
                ObjectNode criteria = item.putObject("criteria");
                it.get("criteria").forEach(c -> criteria.set(c.get("id").asText(), c.get("status")));
                ArrayNode docs = item.putArray("documentationNeeded");
                it.get("documentationNeeded").forEach(d -> docs.add(d.asText().split(":")[0]));
            }
            return out;
        }
        if (node.isArray()) {
            // a batch answer as a JSON array: each result for what it decides (the knowledge-base hash changes with rules/)
            ArrayNode out = JSON.createArrayNode();
            node.forEach(n -> out.add(decided(n)));
            return out;
        }
        if (node.isObject() && node.has("index") && node.has("answer")) {
            ObjectNode copy = node.deepCopy();
            copy.set("answer", decided(node.get("answer")));
            return copy;
        }
        return node;
    }

    // ------------------------------------------------------------------ reading the document

    record Example(String path, String name, boolean request, int status, String mediaType, JsonNode schema, JsonNode value,
                   JsonNode source) {
        String extension(String key) {
            return source.has(key) ? source.get(key).asText() : null;
        }

        @Override
        public String toString() {
            return path + (request ? " request " : " " + status + " ") + mediaType + " example " + name;
        }
    }

    private static List<Example> examples() {
        List<Example> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> p = paths.next();
            for (JsonNode op : p.getValue()) {
                if (op.has("requestBody")) {
                    collect(out, p.getKey(), true, 0, op.get("requestBody").get("content"));
                }
                for (Iterator<Map.Entry<String, JsonNode>> rs = op.get("responses").fields(); rs.hasNext(); ) {
                    Map.Entry<String, JsonNode> r = rs.next();
                    collect(out, p.getKey(), false, Integer.parseInt(r.getKey()), resolve(r.getValue()).get("content"));
                }
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> rs = doc.get("components").get("responses").fields(); rs.hasNext(); ) {
            Map.Entry<String, JsonNode> r = rs.next();
            collect(out, "#/components/responses/" + r.getKey(), false, 404, r.getValue().get("content"));
        }
        assertTrue(out.size() > 20, "the document has examples: " + out.size());
        return out;
    }

    private static void collect(List<Example> out, String path, boolean request, int status, JsonNode content) {
        if (content == null) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> types = content.fields(); types.hasNext(); ) {
            Map.Entry<String, JsonNode> t = types.next();
            JsonNode examples = t.getValue().get("examples");
            if (examples == null) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ex = examples.fields(); ex.hasNext(); ) {
                Map.Entry<String, JsonNode> x = ex.next();
                out.add(new Example(path, x.getKey(), request, status, t.getKey(), t.getValue().get("schema"), x.getValue().get("value"),
                        x.getValue()));
            }
        }
    }

    private static JsonNode resolve(JsonNode maybeRef) {
        if (!maybeRef.has("$ref")) {
            return maybeRef;
        }
        JsonNode target = doc.at(maybeRef.get("$ref").asText().substring(1));
        assertNotNull(target, maybeRef.toString());
        return target;
    }

    /** The JSON values a body holds: one, or one per line for NDJSON. */
    private static List<JsonNode> instances(String mediaType, Object body) throws Exception {
        String text = body instanceof JsonNode n ? (n.isTextual() ? n.asText() : JSON.writeValueAsString(n)) : (String) body;
        List<JsonNode> out = new ArrayList<>();
        if (mediaType.equals("application/x-ndjson")) {
            for (String line : text.split("\n")) {
                if (!line.isBlank()) {
                    out.add(JSON.readTree(line));
                }
            }
        } else if (mediaType.contains("json")) {
            out.add(JSON.readTree(text));
        } else {
            out.add(JsonNodeFactory.instance.textNode(text));
        }
        return out;
    }

    private static void readCase(Example e) throws Exception {
        try {
            TestCheckers.builtIn().reader().read(e.name, e.value);
        } catch (InvalidCaseFileException invalid) {
            // Only the examples that show a 400 may be invalid case files.
            boolean documentedAs400 = examples().stream().anyMatch(x -> !x.request && x.path.equals(e.path) && x.name.equals(e.name) && x.status == 400);
            assertTrue(documentedAs400, e + " is not a valid case file: " + invalid.report());
        }
    }

    /** Validates against a schema of the document; an NDJSON body's lines each against BatchResult. */
    private static void assertFits(String mediaType, JsonNode schema, JsonNode instance, String what) {
        if (schema == null) {
            fail(what + " has no schema");
        }
        ObjectNode wrapper = JSON.createObjectNode();
        wrapper.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        wrapper.set("components", doc.get("components"));
        if (mediaType.equals("application/x-ndjson")) {
            wrapper.put("$ref", "#/components/schemas/BatchResult");
        } else {
            wrapper.setAll((ObjectNode) schema.deepCopy());
        }
        Schema compiled = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(wrapper);
        List<Error> errors = compiled.validate(instance);
        assertEquals(List.of(), errors.stream().map(Error::toString).toList(), what);
    }
}
