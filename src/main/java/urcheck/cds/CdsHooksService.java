package urcheck.cds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import urcheck.Checker;
import urcheck.answer.CaseAnswer;
import urcheck.answer.ItemAnswer;
import urcheck.casefile.InvalidCaseFileException;
import urcheck.fhir.FhirCase;
import urcheck.fhir.FhirCaseReader;

/**
 * urcheck as a CDS Hooks 2.0 service for order-select and order-sign, without a transport: an HTTP layer
 * answers {@code GET /cds-services} with {@link #discovery()} and {@code POST /cds-services/{id}} with
 * {@link #call(String, byte[])}, sending {@link CdsResult#status()} and {@link CdsResult#body()}.
 * The draft orders and prefetched record are mapped to a case file (the same mapping as
 * {@code check --fhir}), checked, and answered with an Instructions card and a CRD coverage-information
 * system action per order urcheck checks, and an External Reference card per governing guideline section,
 * as the call's davinci-crd.configuration allows. Thread-safe; never throws for bad input.
 */
public final class CdsHooksService {

    public static final String ORDER_SELECT = "urcheck-order-select";
    public static final String ORDER_SIGN = "urcheck-order-sign";
    private static final Map<String, String> HOOKS = Map.of(ORDER_SELECT, "order-select", ORDER_SIGN, "order-sign");

    private final Checker checker;
    private final String defaultJurisdiction;
    private final Clock clock;

    /**
     * @param defaultJurisdiction california, texas or other: for calls whose Coverage states no jurisdiction
     *                            (null: such calls are checked under ODG, and the cards say so)
     * @param clock               dates the coverage assertions
     */
    public CdsHooksService(Checker checker, String defaultJurisdiction, Clock clock) {
        if (defaultJurisdiction != null && !List.of("california", "texas", "other").contains(defaultJurisdiction)) {
            throw new IllegalArgumentException("default jurisdiction: california, texas or other, not " + defaultJurisdiction);
        }
        this.checker = checker;
        this.defaultJurisdiction = defaultJurisdiction;
        this.clock = clock;
    }

    /** Loads what the first call would otherwise load (HAPI's R4 model): call once at server start-up. */
    public void warmUp() {
        FhirCaseReader.warmUp();
    }

    /** The discovery document ({@code GET /cds-services}). */
    public ObjectNode discovery() {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        ArrayNode services = doc.putArray("services");
        service(services.addObject(), "order-select", ORDER_SELECT, "urcheck: guideline criteria for the selected order",
                "Checks a selected spinal facet procedure (medial branch block, facet injection, radiofrequency neurotomy, "
                        + "with add-on levels, fluoroscopic guidance and sedation) or massage therapy order against the ODG and "
                        + "California MTUS/ACOEM criteria a workers' compensation utilization review applies: each criterion met, "
                        + "not met or not documented, with its citation and what to document.");
        service(services.addObject(), "order-sign", ORDER_SIGN, "urcheck: guideline criteria before signing",
                "Before the orders are signed: the same criterion-by-criterion check for every draft order urcheck knows, "
                        + "with a Da Vinci CRD coverage-information assertion (covered / not-covered / conditional, "
                        + "documentation needed) on each.");
        return doc;
    }

    private static void service(ObjectNode s, String hook, String id, String title, String description) {
        s.put("hook", hook);
        s.put("title", title);
        s.put("description", description);
        s.put("id", id);
        ObjectNode prefetch = s.putObject("prefetch");
        for (Prefetch p : Prefetch.values()) {
            prefetch.put(p.key, p.template);
        }
        s.put("usageRequirements", "Send the workers' compensation Coverage with the US Core jurisdiction extension "
                + "(state of the claim); without one the server's default jurisdiction applies (ODG if none), and the cards "
                + "say so. Prefetch is optional: data not sent is read as not documented. urcheck never queries fhirServer.");
        CrdConfiguration.describe(s.putObject("extension").putArray(CrdConfiguration.DISCOVERY_EXTENSION));
    }

    /** A hook call ({@code POST /cds-services/{serviceId}}) with its body as sent. */
    public CdsResult call(String serviceId, byte[] body) {
        if (!HOOKS.containsKey(serviceId)) {
            return CdsResult.failed(CdsError.notFound(serviceId));
        }
        JsonNode tree;
        try {
            tree = FhirCaseReader.parseJson("request", body == null ? new byte[0] : body);
        } catch (InvalidCaseFileException e) {
            return CdsResult.failed(CdsError.malformed("The request body is not JSON.", e.problems()));
        }
        return call(serviceId, tree);
    }

    /** A hook call with its body already parsed as JSON. */
    public CdsResult call(String serviceId, JsonNode body) {
        String hook = HOOKS.get(serviceId);
        if (hook == null) {
            return CdsResult.failed(CdsError.notFound(serviceId));
        }
        try {
            return answer(hook, body);
        } catch (RuntimeException e) {
            // A fault of urcheck's own; the message names the kind of fault, never the request's contents.
            return CdsResult.failed(new CdsError(500, "Internal Server Error",
                    "urcheck failed on this request: " + e.getClass().getSimpleName(), List.of()));
        }
    }

    private CdsResult answer(String hook, JsonNode body) {
        HookRequest request = HookRequest.read(body, hook);
        if (!request.problems.isEmpty()) {
            return CdsResult.failed(CdsError.unprocessable("The " + hook + " request is not what CDS Hooks 2.0 and this hook "
                    + "define, or its FHIR data is not valid FHIR R4.", request.problems));
        }
        CrdConfiguration config = CrdConfiguration.of(body);
        boolean secondary = "order-select".equals(hook);
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        ArrayNode cards = response.putArray("cards");
        // order-sign must always carry systemActions (CDS Hooks answer shape the CRD kit checks), even if empty
        ArrayNode actions = response.putArray("systemActions");
        FhirCaseReader fhirReader = new FhirCaseReader(checker.reader());
        if (!fhirReader.ordersAnyCheckedService(request.input.record())) {
            return CdsResult.ok(response, null); // nothing urcheck checks among these orders: no cards
        }
        FhirCase fhirCase;
        try {
            // No jurisdiction stated and none configured: ODG, which governs everywhere but California, and the card says so.
            fhirCase = fhirReader.read(request.input, request.hookInstance,
                    defaultJurisdiction == null ? "other" : defaultJurisdiction, "context.draftOrders");
        } catch (InvalidCaseFileException e) {
            return CdsResult.failed(CdsError.unprocessable("The draft orders and record cannot be read as a case.", e.problems()));
        }
        CaseAnswer answer = checker.answer(fhirCase.caseFile(), null);
        Map<String, ItemAnswer> byId = new LinkedHashMap<>();
        answer.items().forEach(i -> byId.put(i.id(), i));
        CardWriter cardWriter = new CardWriter(answer, byId, request.hookInstance, fhirCase.notFetched(),
                fhirCase.jurisdictionStated() ? null : jurisdictionNote());
        LocalDate today = LocalDate.now(clock);
        List<ItemAnswer> answered = new ArrayList<>();
        Map<String, String> refs = new LinkedHashMap<>();
        for (ItemAnswer item : answer.items()) {
            String ref = fhirCase.orderReference(item.id());
            if ("OTHER".equals(item.service()) || (request.selections != null && !request.selections.contains(ref))) {
                continue;
            }
            answered.add(item);
            refs.put(item.id(), ref);
            ObjectNode card = cardWriter.card(item, ref);
            if (config.returns(CardType.INSTRUCTIONS)) {
                cards.add(card);
            }
            if (config.returns(CardType.COVERAGE_INFO) && (!secondary || CoverageInformation.fitsSecondaryHook(item))) {
                actions.add(CoverageInformation.systemAction(fhirCase.order(item.id()), ref, item, fhirCase.coverageReference(),
                        CoverageInformation.assertionId(request.hookInstance, item.id(), answer.knowledgeBase()), today,
                        card.get("summary").asText(), secondary));
            }
        }
        if (config.returns(CardType.EXTERNAL_REFERENCE)) {
            cardWriter.externalReferences(answered, refs).forEach(cards::add);
        }
        return CdsResult.ok(response, answer);
    }

    /** What the cards say when the request named no jurisdiction. */
    private String jurisdictionNote() {
        return switch (defaultJurisdiction == null ? "none" : defaultJurisdiction) {
            case "california" -> "Checked under California's MTUS, then ODG: no jurisdiction in the request (this server's default)";
            case "texas" -> "Checked under ODG (Texas): no jurisdiction in the request (this server's default)";
            case "other" -> "Checked under ODG: no jurisdiction in the request (this server's default)";
            default -> "Checked under ODG: no jurisdiction in the request";
        };
    }
}
