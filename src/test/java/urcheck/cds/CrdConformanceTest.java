package urcheck.cds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import urcheck.answer.AnswerJson;

/**
 * Conformance with Da Vinci CRD 2.0.1 and CDS Hooks 2.0, ported from the checks of the official kit
 * (inferno-framework/davinci-crd-test-kit, pinned to CRD 2.0.1) and the SHALL statements its requirement list
 * gives for a CRD server. Each test is named after the requirement it checks: {@code crd201_reqN} for CRD 2.0.1
 * requirement N, {@code cdsHooks20_reqN} for CDS Hooks 2.0, {@code kit_...} for a kit check without a number.
 */
class CrdConformanceTest {

    private static final Path SIGN = CdsHooksServiceTest.SIGN;
    private static final Path SELECT = CdsHooksServiceTest.SELECT;
    private static final Path CERVICAL_SELECT = Path.of("fixtures/fhir/hooks/order-select-cervical-mbb.json");

    private static JsonNode call(String service, JsonNode request) {
        return CdsHooksServiceTest.ok(CdsHooksServiceTest.service().call(service, request));
    }

    private static ObjectNode request(Path p) throws IOException {
        return CdsHooksServiceTest.request(p);
    }

    private static Stream<JsonNode> coverageInformation(JsonNode response) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode action : response.path("systemActions")) {
            for (JsonNode e : action.path("resource").path("extension")) {
                if (CoverageInformation.URL.equals(e.path("url").asText())) {
                    out.add(e);
                }
            }
        }
        return out.stream();
    }

    private static List<String> subExtensions(JsonNode coverageInfo, String url) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : coverageInfo.path("extension")) {
            if (url.equals(e.path("url").asText())) {
                out.add(e.toString());
            }
        }
        return out;
    }

    // ---- the kit's card identification (cards_identification.rb), by structure

    private static boolean instructions(JsonNode card) {
        return !card.has("links") && !card.has("suggestions");
    }

    private static boolean externalReference(JsonNode card) {
        if (!card.has("links") || card.get("links").isEmpty()) {
            return false;
        }
        for (JsonNode l : card.get("links")) {
            if (!"absolute".equals(l.path("type").asText())) {
                return false;
            }
        }
        return true;
    }

    // ---- secondary hooks

    /** CRD 2.0.1 req 167: coverage information on order-select asks for no clinical or administrative information. */
    @Test
    void crd201_req167_orderSelectNoInfoNeeded() throws IOException {
        for (Path p : List.of(SELECT, CERVICAL_SELECT)) {
            JsonNode r = call(CdsHooksService.ORDER_SELECT, request(p));
            coverageInformation(r).forEach(ci -> {
                assertEquals(List.of(), subExtensions(ci, "doc-needed"), p + ": " + ci);
                assertEquals(List.of(), subExtensions(ci, "doc-purpose"), p + ": " + ci);
                assertEquals(List.of(), subExtensions(ci, "info-needed"), p + ": " + ci);
            });
        }
        // the same order through order-sign does say what to document: the difference is the hook, not the order
        ObjectNode sign = request(CERVICAL_SELECT);
        sign.put("hook", "order-sign");
        ((ObjectNode) sign.get("context")).remove("selections");
        assertTrue(coverageInformation(call(CdsHooksService.ORDER_SIGN, sign)).anyMatch(ci -> !subExtensions(ci, "doc-needed").isEmpty()));
    }

    // ---- discovery

    /** The kit's discovery check (CDS Hooks 2.0 discovery): services, each with hook, description and id strings. */
    @Test
    void kit_discoveryServicesHaveHookDescriptionAndId() {
        JsonNode services = CdsHooksServiceTest.service().discovery().get("services");
        assertTrue(services.isArray() && !services.isEmpty());
        for (JsonNode s : services) {
            for (String f : List.of("hook", "description", "id")) {
                assertTrue(s.path(f).isTextual() && !s.get(f).asText().isBlank(), f + " in " + s);
            }
            assertTrue(s.get("prefetch").isObject());
        }
    }

    /** CDS Hooks 2.0 req 57 (and the hook library's SHALL NOTs for draftOrders and selections). */
    @Test
    void cdsHooks20_req57_prefetchTokensOnlyAtRootLevelPrimitives() {
        // root-level primitive context fields of order-select and order-sign
        Set<String> allowed = Set.of("userId", "patientId", "encounterId");
        Pattern token = Pattern.compile("\\{\\{([^}]*)}}");
        for (JsonNode s : CdsHooksServiceTest.service().discovery().get("services")) {
            for (Map.Entry<String, JsonNode> t : s.get("prefetch").properties()) {
                Matcher m = token.matcher(t.getValue().asText());
                int found = 0;
                while (m.find()) {
                    found++;
                    String expr = m.group(1).trim();
                    assertTrue(expr.startsWith("context.") && allowed.contains(expr.substring("context.".length())),
                            s.get("id").asText() + " prefetch " + t.getKey() + " uses {{" + expr + "}}");
                }
                assertTrue(found > 0 || !t.getValue().asText().contains("{{"), t.getKey());
            }
        }
    }

    /** CRD 2.0.1 req 108, 110-114: the configuration-options extension, each option with code, type, name, description, default. */
    @Test
    void crd201_req108_req110_req114_discoveryOffersConfigurationOptions() {
        for (JsonNode s : CdsHooksServiceTest.service().discovery().get("services")) {
            JsonNode options = s.path("extension").get(CrdConfiguration.DISCOVERY_EXTENSION);
            assertNotNull(options, s.get("id").asText());
            assertTrue(options.isArray() && !options.isEmpty());
            for (JsonNode o : options) {
                assertTrue(o.path("code").isTextual() && o.path("name").isTextual() && o.path("description").isTextual(), o.toString());
                assertTrue(Set.of("boolean", "integer").contains(o.path("type").asText()), o.toString());
                assertTrue(o.has("default") && (o.get("default").isBoolean() || o.get("default").isInt()), o.toString());
            }
        }
    }

    /** CRD 2.0.1 req 115-116, 120-122: a boolean option per card type returned; codes valid JSON names, unique; names unique. */
    @Test
    void crd201_req115_req116_req120_req122_aBooleanOptionPerCardType() {
        JsonNode options = CdsHooksServiceTest.service().discovery().at("/services/1/extension").get(CrdConfiguration.DISCOVERY_EXTENSION);
        Set<String> codes = new HashSet<>();
        Set<String> names = new HashSet<>();
        Set<String> descriptions = new HashSet<>();
        for (JsonNode o : options) {
            assertEquals("boolean", o.get("type").asText());
            assertTrue(o.get("code").asText().matches("[A-Za-z_$][A-Za-z0-9_$-]*"), o.get("code").asText());
            assertTrue(codes.add(o.get("code").asText()) & names.add(o.get("name").asText())
                    & descriptions.add(o.get("description").asText()), "unique: " + o);
        }
        assertEquals(Set.of("coverage-info", "instructions", "guideline"), codes);
    }

    // ---- configuration honoured

    private static ObjectNode configured(Path p, Map<String, Object> config) throws IOException {
        ObjectNode req = request(p);
        ObjectNode c = req.putObject("extension").putObject(CrdConfiguration.REQUEST_EXTENSION);
        config.forEach((k, v) -> c.set(k, CdsHooksServiceTest.JSON.valueToTree(v)));
        return req;
    }

    /** CRD 2.0.1 req 128, 116: a card type switched off is not returned; the others still are. */
    @Test
    void crd201_req128_req116_configurationIsHonoured() throws IOException {
        JsonNode noInfo = call(CdsHooksService.ORDER_SIGN, configured(SIGN, Map.of("coverage-info", false)));
        assertEquals(0, noInfo.get("systemActions").size());
        assertTrue(noInfo.get("cards").size() > 0);
        JsonNode noInstructions = call(CdsHooksService.ORDER_SIGN, configured(SIGN, Map.of("instructions", false)));
        noInstructions.get("cards").forEach(c -> assertFalse(instructions(c), c.toString()));
        assertTrue(noInstructions.get("systemActions").size() > 0);
        JsonNode noReference = call(CdsHooksService.ORDER_SIGN, configured(SIGN, Map.of("guideline", false)));
        noReference.get("cards").forEach(c -> assertFalse(externalReference(c), c.toString()));
        JsonNode nothing = call(CdsHooksService.ORDER_SIGN, configured(SIGN, Map.of("guideline", false, "instructions", false,
                "coverage-info", false)));
        assertEquals(0, nothing.get("cards").size());
    }

    /** CRD 2.0.1 req 129, 131, 117: configuration is never required; unknown codes and wrong types are ignored. */
    @Test
    void crd201_req129_req131_req117_unknownOrMalformedConfigurationIsIgnored() throws IOException {
        String plain = AnswerJson.pretty(call(CdsHooksService.ORDER_SIGN, request(SIGN)));
        assertEquals(plain, AnswerJson.pretty(call(CdsHooksService.ORDER_SIGN, configured(SIGN,
                Map.of("prior-auth", false, "alternative-therapy", 3)))), "unknown options change nothing");
        assertEquals(plain, AnswerJson.pretty(call(CdsHooksService.ORDER_SIGN, configured(SIGN,
                Map.of("coverage-info", "no", "instructions", 0)))), "a wrong type leaves the default");
        ObjectNode notAnObject = request(SIGN);
        notAnObject.putObject("extension").put(CrdConfiguration.REQUEST_EXTENSION, "all off");
        assertEquals(plain, AnswerJson.pretty(call(CdsHooksService.ORDER_SIGN, notAnObject)));
    }

    // ---- card types and coverage information

    /** CRD 2.0.1 req 247-249, 258-259: Coverage Information, Instructions and External Reference, identified by structure. */
    @Test
    void crd201_req247_req249_req258_req259_theThreeCardTypesByStructure() throws IOException {
        JsonNode r = call(CdsHooksService.ORDER_SIGN, request(SIGN));
        assertTrue(coverageInformation(r).findAny().isPresent(), "a Coverage Information system action");
        assertTrue(stream(r.get("cards")).anyMatch(CrdConformanceTest::instructions), "an Instructions card");
        List<JsonNode> refs = stream(r.get("cards")).filter(c -> c.has("links")).toList();
        assertFalse(refs.isEmpty(), "an External Reference card");
        refs.forEach(c -> assertTrue(externalReference(c), "every link absolute: " + c));
        for (JsonNode c : r.get("cards")) {
            assertEquals(CardType.TOPIC_SYSTEM, c.at("/source/topic/system").asText());
            assertFalse(c.at("/source/topic/code").asText().isBlank());
        }
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out.stream();
    }

    /** The kit's coverage-information check: type update, a ServiceRequest, the kit's card shape. */
    @Test
    void kit_coverageInformationIsAnUpdateOfTheOrder() throws IOException {
        for (Path p : List.of(SIGN, Path.of("fixtures/fhir/hooks/order-sign-lumbar-rf.json"))) {
            JsonNode r = call(CdsHooksService.ORDER_SIGN, request(p));
            assertEquals(List.of(), CardStructure.violations(r));
            for (JsonNode a : r.get("systemActions")) {
                assertEquals("update", a.get("type").asText());
                assertEquals("ServiceRequest", a.at("/resource/resourceType").asText());
            }
        }
    }

    /** CRD 2.0.1 req 264-265: one coverage-assertion-id per coverage in a resource; distinct across orders. */
    @Test
    void crd201_req264_req265_oneAssertionIdPerCoverageDistinctAcrossOrders() throws IOException {
        JsonNode r = call(CdsHooksService.ORDER_SIGN, request(Path.of("fixtures/fhir/hooks/order-sign-lumbar-rf.json")));
        Set<String> ids = new HashSet<>();
        for (JsonNode a : r.get("systemActions")) {
            Map<String, Set<String>> byCoverage = new java.util.HashMap<>();
            for (JsonNode e : a.at("/resource/extension")) {
                if (CoverageInformation.URL.equals(e.path("url").asText())) {
                    String coverage = e.path("extension").get(0).toString();
                    subExtensions(e, "coverage-assertion-id").forEach(id -> byCoverage.computeIfAbsent(coverage, k -> new HashSet<>()).add(id));
                }
            }
            byCoverage.values().forEach(v -> assertEquals(1, v.size(), "one assertion id per coverage: " + v));
            byCoverage.values().forEach(v -> assertTrue(ids.addAll(v), "distinct across orders: " + v));
        }
        assertTrue(ids.size() >= 2);
    }

    /** CRD 2.0.1 req 164: order-sign returns a Coverage Information action for every order it checks, and systemActions always. */
    @Test
    void crd201_req164_orderSignAlwaysCarriesCoverageInformation() throws IOException {
        JsonNode r = call(CdsHooksService.ORDER_SIGN, request(SIGN));
        assertEquals(CdsHooksServiceTest.instructions(r).size(), r.get("systemActions").size());
        ObjectNode noPrefetch = request(SIGN);
        noPrefetch.remove("prefetch");
        JsonNode bare = call(CdsHooksService.ORDER_SIGN, noPrefetch);
        assertEquals(CdsHooksServiceTest.instructions(bare).size(), bare.get("systemActions").size(),
                "even when too little is known to decide");
    }

    /** CRD 2.0.1 req 140: a card for some of the orders says in words which ones. */
    @Test
    void crd201_req140_cardsSayWhichOrdersTheyAreAbout() throws IOException {
        JsonNode r = call(CdsHooksService.ORDER_SIGN, request(Path.of("fixtures/fhir/hooks/order-sign-lumbar-rf.json")));
        Set<String> summaries = new HashSet<>();
        CdsHooksServiceTest.instructions(r).forEach(c -> assertTrue(summaries.add(c.get("summary").asText()), "distinct: " + c.get("summary")));
        stream(r.get("cards")).filter(CrdConformanceTest::externalReference)
                .forEach(c -> assertTrue(c.get("detail").asText().contains("(ServiceRequest/"), c.get("detail").asText()));
    }

    /** CDS Hooks 2.0 req 98, 136, 219: override reasons are codings with a display. */
    @Test
    void cdsHooks20_req98_req136_cardsOfferOverrideReasons() throws IOException {
        JsonNode r = call(CdsHooksService.ORDER_SIGN, request(SIGN));
        for (JsonNode c : CdsHooksServiceTest.instructions(r)) {
            assertFalse(c.get("overrideReasons").isEmpty());
            for (JsonNode o : c.get("overrideReasons")) {
                for (String f : List.of("code", "system", "display")) {
                    assertFalse(o.path(f).asText().isBlank(), f + " in " + o);
                }
            }
        }
    }

    // ---- requests

    /** The kit's request with prefetch omitted: answered, with what was not sent named on the card. */
    @Test
    void kit_aRequestWithPrefetchOmittedIsAnswered() throws IOException {
        ObjectNode req = request(SIGN);
        req.remove("prefetch");
        JsonNode r = call(CdsHooksService.ORDER_SIGN, req);
        JsonNode card = CdsHooksServiceTest.instructions(r).get(0);
        assertTrue(card.get("detail").asText().contains("*Not sent with this request, so read as not documented:*"));
        assertTrue(card.get("detail").asText().startsWith("*Checked under ODG: no jurisdiction in the request*"));
    }

    /** CDS Hooks 2.0 cds-r-1 (the kit's fhirAuthorization check): fhirAuthorization without fhirServer is refused cleanly. */
    @Test
    void cdsHooks20_req20_fhirAuthorizationWithoutFhirServerIsRefused() throws IOException {
        ObjectNode req = request(SIGN);
        req.putObject("fhirAuthorization").put("access_token", "t").put("token_type", "Bearer").put("expires_in", 300)
                .put("scope", "patient/*.read").put("subject", "urcheck");
        CdsResult r = CdsHooksServiceTest.service().call(CdsHooksService.ORDER_SIGN, req);
        assertEquals(422, r.status());
        assertTrue(r.error().problems().stream().anyMatch(p -> p.path().equals("fhirServer")), AnswerJson.pretty(r.body()));
        assertFalse(AnswerJson.pretty(r.body()).contains("patient/*.read"), "the token's details are not echoed");
    }

    /** Never fetch from a fhirServer urcheck was not configured to trust: it is configured to trust none. */
    @Test
    void crd201_req57_neverFetchesFromAnUntrustedFhirServer() throws Exception {
        try (ServerSocket ehr = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            ehr.setSoTimeout(300);
            ObjectNode req = request(SIGN);
            req.remove("prefetch");
            req.put("fhirServer", "http://127.0.0.1:" + ehr.getLocalPort() + "/fhir");
            req.putObject("fhirAuthorization").put("access_token", "t").put("token_type", "Bearer").put("expires_in", 300)
                    .put("scope", "patient/*.read").put("subject", "urcheck");
            call(CdsHooksService.ORDER_SIGN, req);
            boolean contacted;
            try {
                ehr.accept().close();
                contacted = true;
            } catch (SocketTimeoutException e) {
                contacted = false;
            }
            assertFalse(contacted, "urcheck connected to the fhirServer of the request");
        }
    }

    /** CRD 2.0.1 req 169: unrecognised context elements are ignored. */
    @Test
    void crd201_req169_unrecognizedContextIsIgnored() throws IOException {
        String plain = AnswerJson.pretty(call(CdsHooksService.ORDER_SIGN, request(SIGN)));
        ObjectNode req = request(SIGN);
        ((ObjectNode) req.get("context")).put("encounterId", "enc-1").putObject("com.example.other").put("x", 1);
        assertEquals(plain, AnswerJson.pretty(call(CdsHooksService.ORDER_SIGN, req)));
    }

    /** CRD 2.0.1 req 162-163: 400 only for a body that is not JSON; 422 for JSON that is not a valid request. */
    @Test
    void crd201_req162_req163_statusCodes() throws IOException {
        assertEquals(400, CdsHooksServiceTest.service().call(CdsHooksService.ORDER_SIGN, "{\"hook\":".getBytes()).status());
        ObjectNode noContext = request(SIGN);
        noContext.remove("context");
        assertEquals(422, CdsHooksServiceTest.service().call(CdsHooksService.ORDER_SIGN, noContext).status());
        assertEquals(422, CdsHooksServiceTest.service().call(CdsHooksService.ORDER_SIGN, "[]".getBytes()).status());
    }

    /** Deterministic: the same request gives byte-identical output. */
    @Test
    void theSameRequestGivesTheSameBytes() throws IOException {
        byte[] body = Files.readAllBytes(SIGN);
        assertEquals(AnswerJson.pretty(CdsHooksServiceTest.service().call(CdsHooksService.ORDER_SIGN, body).body()),
                AnswerJson.pretty(CdsHooksServiceTest.service().call(CdsHooksService.ORDER_SIGN, body).body()));
    }
}
