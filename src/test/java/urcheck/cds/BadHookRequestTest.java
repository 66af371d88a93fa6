package urcheck.cds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static urcheck.cds.CdsHooksServiceTest.SELECT;
import static urcheck.cds.CdsHooksServiceTest.SIGN;
import static urcheck.cds.CdsHooksServiceTest.request;
import static urcheck.cds.CdsHooksServiceTest.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import urcheck.answer.AnswerJson;
import urcheck.casefile.Problem;

/** A hook request without the context it needs, or with malformed FHIR, gets a 400 naming what is wrong; never an exception. */
class BadHookRequestTest {

    private static CdsResult sign(JsonNode body) {
        return service().call(CdsHooksService.ORDER_SIGN, body);
    }

    /** JSON that is not a valid request of the hook: 422 (Da Vinci CRD 2.0.1 req 163). */
    private static void refused(CdsResult r, String path, String message) {
        refused(r, 422, path, message);
    }

    private static void refused(CdsResult r, int status, String path, String message) {
        assertEquals(status, r.status(), () -> AnswerJson.pretty(r.body()));
        JsonNode problem = r.body();
        assertEquals("about:blank", problem.get("type").asText());
        assertEquals(status, problem.get("status").asInt());
        List<String> found = new ArrayList<>();
        for (Problem p : r.error().problems()) {
            found.add(p.path() + ": " + p.message());
        }
        assertTrue(found.stream().anyMatch(f -> f.startsWith(path + ": ") && f.contains(message)),
                "expected " + path + ": ..." + message + "... in " + found);
    }

    @Test
    void withoutContext() throws IOException {
        ObjectNode req = request(SIGN);
        req.remove("context");
        refused(sign(req), "context", "is required");
    }

    @Test
    void withoutDraftOrdersPatientOrUser() throws IOException {
        for (String field : List.of("draftOrders", "patientId", "userId")) {
            ObjectNode req = request(SIGN);
            ((ObjectNode) req.get("context")).remove(field);
            refused(sign(req), "context." + field, "is required");
        }
    }

    @Test
    void withoutHookInstanceOrForAnotherHook() throws IOException {
        ObjectNode req = request(SIGN);
        req.remove("hookInstance");
        refused(sign(req), "hookInstance", "is required");
        ObjectNode other = request(SIGN);
        other.put("hook", "patient-view");
        refused(sign(other), "hook", "this service answers \"order-sign\"");
    }

    @Test
    void orderSelectNeedsSelectionsAmongTheDraftOrders() throws IOException {
        ObjectNode req = request(SELECT);
        ((ObjectNode) req.get("context")).remove("selections");
        refused(service().call(CdsHooksService.ORDER_SELECT, req), "context.selections", "is required for order-select");
        ObjectNode stray = request(SELECT);
        ((ArrayNode) stray.get("context").get("selections")).set(0, "ServiceRequest/nope");
        refused(service().call(CdsHooksService.ORDER_SELECT, stray), "context.selections[0]", "is not among context.draftOrders");
    }

    @Test
    void draftOrdersThatAreNotABundle() throws IOException {
        ObjectNode req = request(SIGN);
        ((ObjectNode) req.get("context")).set("draftOrders", JsonNodeFactory.instance.arrayNode());
        refused(sign(req), "context.draftOrders", "a FHIR R4 Bundle");
    }

    @Test
    void malformedFhirInADraftOrderNamesTheResourceAndElement() throws IOException {
        ObjectNode req = request(SIGN);
        ObjectNode order = (ObjectNode) req.get("context").get("draftOrders").get("entry").get(0).get("resource");
        order.put("occurrenceDateTime", "July 2024");
        refused(sign(req), "context.draftOrders.entry[0].resource(ServiceRequest/mbb-l45-l5s1).occurrenceDateTime", "is not a valid value");
    }

    @Test
    void malformedFhirInThePrefetchNamesTheResourceAndElement() throws IOException {
        ObjectNode req = request(SIGN);
        ObjectNode condition = (ObjectNode) req.get("prefetch").get("conditions").get("entry").get(0).get("resource");
        condition.put("onsetDate", "2024-03-02");
        refused(sign(req), "prefetch.conditions.entry[0].resource(Condition/work-injury).onsetDate", "is not an element");
    }

    @Test
    void aDraftOrderForAnotherPatient() throws IOException {
        ObjectNode req = request(SIGN);
        ((ObjectNode) req.get("context")).put("patientId", "someone-else");
        refused(sign(req), "context.draftOrders.entry[0].resource(ServiceRequest/mbb-l45-l5s1).subject", "is not the patient of this call");
    }

    /** Most EHRs send no jurisdiction: that is missing context, not an error (issue 12). */
    @Test
    void noJurisdictionAnywhereIsCheckedUnderOdgAndSaysSo() throws IOException {
        ObjectNode req = request(SIGN);
        ((ObjectNode) req.get("prefetch")).remove("coverage");
        CdsResult r = sign(req);
        assertEquals(200, r.status(), () -> AnswerJson.pretty(r.body()));
        assertEquals("OTHER", r.checked().jurisdiction());
        JsonNode card = r.body().get("cards").get(0);
        assertTrue(card.get("detail").asText().startsWith("*Checked under ODG: no jurisdiction in the request*"),
                card.get("detail").asText());
        assertTrue(card.get("detail").asText().contains("coverage (the claim's jurisdiction)"), "the card says Coverage was not sent");
        CdsResult california = new CdsHooksService(urcheck.TestCheckers.builtIn(), "california", java.time.Clock.systemUTC())
                .call(CdsHooksService.ORDER_SIGN, req);
        assertEquals("CALIFORNIA", california.checked().jurisdiction(), "a configured default jurisdiction applies");
        assertTrue(california.body().at("/cards/0/detail").asText().startsWith(
                "*Checked under California's MTUS, then ODG: no jurisdiction in the request (this server's default)*"));
    }

    @Test
    void aBodyThatIsNotJsonAndAServiceThatDoesNotExist() {
        CdsResult notJson = service().call(CdsHooksService.ORDER_SIGN, "{\"hook\": ".getBytes(StandardCharsets.UTF_8));
        refused(notJson, 400, "$", "malformed JSON");
        CdsResult empty = service().call(CdsHooksService.ORDER_SIGN, new byte[0]);
        assertEquals(400, empty.status());
        CdsResult missing = service().call("urcheck-patient-view", "{}".getBytes(StandardCharsets.UTF_8));
        assertEquals(404, missing.status());
        assertEquals("Not Found", missing.body().get("title").asText());
    }

    /**
     * Every way of breaking a valid request by removing a member or giving it a value of another JSON type
     * gets a 200 or a 422 (a 400 only for a body that is not JSON): never a 500, never an exception.
     */
    @Test
    void noDamageToARequestGivesAnInternalError() throws IOException {
        ObjectNode valid = request(SIGN);
        List<String> paths = new ArrayList<>();
        collect(valid, "", paths);
        List<JsonNode> wrong = List.of(JsonNodeFactory.instance.nullNode(), JsonNodeFactory.instance.textNode("x"),
                JsonNodeFactory.instance.numberNode(7), JsonNodeFactory.instance.objectNode(), JsonNodeFactory.instance.arrayNode());
        int calls = 0;
        for (String path : paths) {
            for (JsonNode replacement : wrong) {
                ObjectNode broken = valid.deepCopy();
                replace(broken, path, replacement);
                CdsResult r = sign(broken);
                assertTrue(r.status() == 200 || r.status() == 422, path + " := " + replacement + " gave " + r.status()
                        + ": " + AnswerJson.pretty(r.body()));
                calls++;
            }
            ObjectNode removed = valid.deepCopy();
            remove(removed, path);
            CdsResult r = sign(removed);
            assertTrue(r.status() == 200 || r.status() == 422, "without " + path + " gave " + r.status());
            calls++;
        }
        assertTrue(calls > 500, "the request has many members: " + calls);
    }

    /** JSON pointers of every member of the draft orders, the context and the first levels of prefetch. */
    private static void collect(JsonNode node, String at, List<String> out) {
        if (at.split("/").length > 9) {
            return;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String here = at + "/" + e.getKey();
                if (here.startsWith("/prefetch/") && here.split("/").length > 6) {
                    continue;
                }
                out.add(here);
                collect(e.getValue(), here, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String here = at + "/" + i;
                out.add(here);
                collect(node.get(i), here, out);
            }
        }
    }

    private static void replace(JsonNode root, String pointer, JsonNode value) {
        int cut = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, cut));
        String last = pointer.substring(cut + 1);
        if (parent.isObject()) {
            ((ObjectNode) parent).set(last, value);
        } else {
            ((ArrayNode) parent).set(Integer.parseInt(last), value);
        }
    }

    private static void remove(JsonNode root, String pointer) {
        int cut = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, cut));
        String last = pointer.substring(cut + 1);
        if (parent.isObject()) {
            ((ObjectNode) parent).remove(last);
        } else {
            ((ArrayNode) parent).remove(Integer.parseInt(last));
        }
    }
}
