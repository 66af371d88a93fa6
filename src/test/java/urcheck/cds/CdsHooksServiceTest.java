package urcheck.cds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import urcheck.TestCheckers;
import urcheck.answer.AnswerJson;
import urcheck.fhir.FhirSeedCase;

/** The CDS Hooks service: discovery, cards per draft order, CRD coverage information, and clear errors. */
class CdsHooksServiceTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Path SIGN = Path.of("fixtures/fhir/hooks/order-sign-lumbar-mbb.json");
    static final Path SELECT = Path.of("fixtures/fhir/hooks/order-select-lumbar-mbb.json");

    static CdsHooksService service() {
        return new CdsHooksService(TestCheckers.builtIn(), null, Clock.fixed(Instant.parse("2024-07-19T16:00:00Z"), ZoneOffset.UTC));
    }

    static ObjectNode request(Path p) throws IOException {
        return (ObjectNode) JSON.readTree(p.toFile());
    }

    /** The Instructions cards (one per checked order, in order): the cards without links. */
    static List<JsonNode> instructions(JsonNode response) {
        List<JsonNode> out = new ArrayList<>();
        response.get("cards").forEach(c -> {
            if (!c.has("links")) {
                out.add(c);
            }
        });
        return out;
    }

    static JsonNode ok(CdsResult r) {
        assertTrue(r.ok(), () -> "expected 200, got " + r.status() + ": " + AnswerJson.pretty(r.body()));
        assertEquals(200, r.status());
        return r.body();
    }

    @Test
    void discoveryListsAnOrderSelectAndAnOrderSignServiceWithTheirPrefetch() {
        JsonNode services = service().discovery().get("services");
        assertEquals(2, services.size());
        List<String> hooks = new ArrayList<>();
        for (JsonNode s : services) {
            hooks.add(s.get("hook").asText() + " " + s.get("id").asText());
            assertFalse(s.get("description").asText().isBlank());
            for (String key : List.of("patient", "conditions", "observations", "procedures", "medicationStatements",
                    "medicationRequests", "serviceRequests", "coverage")) {
                assertTrue(s.get("prefetch").get(key).asText().contains("{{context.patientId}}"), key);
            }
        }
        assertEquals(List.of("order-select urcheck-order-select", "order-sign urcheck-order-sign"), hooks);
    }

    @Test
    void anOrderSignCallGetsACardAndACoverageAssertionPerOrder() throws IOException {
        JsonNode r = ok(service().call(CdsHooksService.ORDER_SIGN, request(SIGN)));
        assertEquals(List.of(), CardStructure.violations(r));
        JsonNode card = r.get("cards").get(0);
        assertEquals("Lumbar medial branch block L4-5, L5-S1: criteria met", card.get("summary").asText());
        assertEquals("info", card.get("indicator").asText());
        assertTrue(card.get("source").get("label").asText().startsWith("ODG: Facet joint diagnostic blocks"));
        assertTrue(card.get("detail").asText().contains("| ODG-FJDB-2A: pain that is non-radicular | Met |"), card.get("detail").asText());
        assertTrue(card.get("detail").asText().contains("**Documentation needed**"));
        assertEquals("Additional level for lumbar medial branch block L4-5, L5-S1: criteria met",
                r.get("cards").get(1).get("summary").asText());
        assertEquals(2, r.get("systemActions").size());
        JsonNode info = r.get("systemActions").get(0).get("resource").get("extension").get(0);
        assertEquals("covered", valueOf(info, "covered"));
        assertEquals("auth-needed", valueOf(info, "pa-needed"));
        assertEquals("2024-07-19", valueOf(info, "date"));
        assertEquals("Coverage/wc-claim-7731", info.get("extension").get(0).get("valueReference").get("reference").asText());
    }

    @Test
    void orderSelectAnswersForTheSelectedOrdersOnly() throws IOException {
        JsonNode r = ok(service().call(CdsHooksService.ORDER_SELECT, request(SELECT)));
        assertEquals(1, instructions(r).size());
        assertEquals("ServiceRequest/mbb-l45-l5s1", r.get("cards").get(0).get("extension").get(CardWriter.EXTENSION_KEY).get("order").asText());
        assertEquals(1, r.get("systemActions").size());
    }

    @TestFactory
    Stream<DynamicTest> eachSeedThroughCdsHooksIsDecidedAsItsJsonFixtureExpects() {
        return FhirSeedCase.all().stream().map(seed -> DynamicTest.dynamicTest(seed.name(), () -> {
            JsonNode r = ok(service().call(CdsHooksService.ORDER_SIGN, request(seed.hookRequest())));
            assertEquals(List.of(), CardStructure.violations(r));
            JsonNode expected = seed.expectedItems();
            List<JsonNode> cards = instructions(r);
            assertEquals(expected.size(), cards.size(), "one Instructions card per seed item");
            for (int i = 0; i < cards.size(); i++) {
                JsonNode card = cards.get(i);
                JsonNode item = card.get("extension").get(CardWriter.EXTENSION_KEY);
                JsonNode want = expected.get(FhirSeedCase.seedItemId(item.get("itemId").asText()));
                assertEquals(want.get("determination").asText(), item.get("determination").asText(), card.get("summary").asText());
                for (Map.Entry<String, JsonNode> e : want.get("criteria").properties()) {
                    assertEquals(e.getValue().asText(), item.get("criteria").path(e.getKey()).asText(), e.getKey());
                }
                boolean necessary = "MEDICALLY_NECESSARY".equals(want.get("determination").asText());
                assertEquals(necessary ? "info" : "warning", card.get("indicator").asText());
                boolean notMet = false;
                for (JsonNode status : item.get("criteria")) {
                    notMet |= "NOT_MET".equals(status.asText());
                }
                String covered = valueOf(r.get("systemActions").get(i).get("resource").get("extension").get(0), "covered");
                assertEquals(necessary ? "covered" : notMet ? "not-covered" : "conditional", covered);
            }
        }));
    }

    @Test
    void warmingUpReadsTheBundledFhirWithoutComplaint() {
        service().warmUp();
    }

    @TestFactory
    Stream<DynamicTest> everyHookRequestFixtureGetsAValidResponse() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("fixtures/fhir/hooks"))) {
            files = s.sorted().toList();
        }
        assertTrue(files.size() >= 4);
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            ObjectNode req = request(f);
            String id = "order-select".equals(req.get("hook").asText()) ? CdsHooksService.ORDER_SELECT : CdsHooksService.ORDER_SIGN;
            JsonNode r = ok(service().call(id, req));
            assertFalse(r.get("cards").isEmpty());
            assertEquals(List.of(), CardStructure.violations(r));
            if ("order-sign".equals(req.get("hook").asText())) {
                assertEquals(instructions(r).size(), r.get("systemActions").size(), "a coverage assertion per order on order-sign");
            }
        }));
    }

    @Test
    void theSameCallGivesTheSameBytes() throws IOException {
        String a = AnswerJson.pretty(service().call(CdsHooksService.ORDER_SIGN, Files.readAllBytes(SIGN)).body());
        String b = AnswerJson.pretty(service().call(CdsHooksService.ORDER_SIGN, Files.readAllBytes(SIGN)).body());
        assertEquals(a, b);
    }

    @Test
    void prefetchNotSentIsNotDocumentedAndTheCardSaysSo() throws IOException {
        ObjectNode req = request(SIGN);
        ObjectNode prefetch = (ObjectNode) req.get("prefetch");
        prefetch.remove(List.of("conditions", "observations", "procedures", "medicationStatements", "medicationRequests", "carePlans"));
        JsonNode r = ok(service().call(CdsHooksService.ORDER_SIGN, req));
        JsonNode card = r.get("cards").get(0);
        assertEquals("Lumbar medial branch block L4-5, L5-S1: documentation needed", card.get("summary").asText());
        assertEquals("warning", card.get("indicator").asText());
        assertTrue(card.get("detail").asText().contains("*Not sent with this request, so read as not documented:* conditions"));
        assertEquals("NOT_DOCUMENTED", card.get("extension").get(CardWriter.EXTENSION_KEY).get("criteria").get("ODG-FJDB-2A").asText());
        assertEquals("conditional", valueOf(r.get("systemActions").get(0).get("resource").get("extension").get(0), "covered"));
    }

    @Test
    void ordersUrcheckDoesNotCheckGetNoCard() throws IOException {
        ObjectNode req = request(SIGN);
        ArrayNode entries = (ArrayNode) req.get("context").get("draftOrders").get("entry");
        entries.remove(1);
        ObjectNode code = (ObjectNode) entries.get(0).get("resource").get("code");
        code.removeAll();
        code.put("text", "MRI lumbar spine without contrast");
        JsonNode r = ok(service().call(CdsHooksService.ORDER_SIGN, req));
        assertEquals(0, r.get("cards").size());

        ObjectNode epidural = request(SIGN);
        ((ObjectNode) epidural.get("prefetch")).remove("coverage");
        ArrayNode orders = (ArrayNode) epidural.get("context").get("draftOrders").get("entry");
        ObjectNode esi = (ObjectNode) orders.get(0).get("resource").get("code");
        esi.removeAll();
        esi.putArray("coding").addObject().put("system", "http://www.ama-assn.org/go/cpt").put("code", "62323");
        ObjectNode fluoro = (ObjectNode) orders.get(1).get("resource");
        fluoro.remove("basedOn");
        ((ObjectNode) fluoro.get("code").get("coding").get(0)).put("code", "77003");
        JsonNode none = ok(service().call(CdsHooksService.ORDER_SIGN, epidural));
        assertEquals(0, none.get("cards").size(), "fluoroscopy for an epidural: nothing urcheck checks, and no jurisdiction needed");
    }

    static String valueOf(JsonNode coverageInformation, String url) {
        for (JsonNode e : coverageInformation.get("extension")) {
            if (url.equals(e.get("url").asText())) {
                JsonNode v = e.has("valueCode") ? e.get("valueCode") : e.has("valueDate") ? e.get("valueDate") : e.get("valueString");
                return v == null ? null : v.asText();
            }
        }
        return null;
    }
}
