package urcheck.cds;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import urcheck.casefile.Problem;
import urcheck.fhir.RecordReader;

/**
 * A CDS Hooks 2.0 request for order-select or order-sign, checked for what urcheck needs: hook,
 * hookInstance, context.userId, context.patientId, context.draftOrders (a FHIR R4 Bundle), for
 * order-select context.selections; prefetch optional. The draft orders and prefetched resources are
 * read strictly into a {@link RecordReader}; every problem is collected with its path.
 */
final class HookRequest {

    final String hook;
    final String hookInstance;
    final String patientId;
    final List<String> selections;
    final RecordReader input;
    final List<Problem> problems = new ArrayList<>();

    private HookRequest(JsonNode body, String expectedHook) {
        if (body == null || !body.isObject()) {
            problems.add(new Problem("$", "a CDS Hooks request (a JSON object with hook, hookInstance and context)"));
            hook = null;
            hookInstance = null;
            patientId = null;
            selections = null;
            input = new RecordReader("hook request");
            return;
        }
        hook = text(body, "hook", "hook", "the hook that was triggered: \"" + expectedHook + "\"");
        if (hook != null && !hook.equals(expectedHook)) {
            problems.add(new Problem("hook", "this service answers \"" + expectedHook + "\" (the request names another hook)"));
        }
        hookInstance = text(body, "hookInstance", "hookInstance", "a UUID for this hook call");
        if (body.has("fhirAuthorization") && !body.has("fhirServer")) {
            problems.add(new Problem("fhirServer", "is required when fhirAuthorization is given"));
        }
        input = new RecordReader("hook " + (hookInstance == null ? "request" : hookInstance));
        JsonNode context = body.get("context");
        if (context == null || !context.isObject()) {
            problems.add(new Problem("context", "is required: an object with userId, patientId and draftOrders"));
            patientId = null;
            selections = null;
            return;
        }
        text(context, "userId", "context.userId", "the user who triggered the hook, e.g. \"Practitioner/123\"");
        patientId = text(context, "patientId", "context.patientId", "the FHIR id of the patient");
        JsonNode draftOrders = context.get("draftOrders");
        if (draftOrders == null || draftOrders.isNull()) {
            problems.add(new Problem("context.draftOrders", "is required: a FHIR R4 Bundle of the orders being selected or signed"));
        } else {
            input.draftOrders(draftOrders, "context.draftOrders");
            checkSubjects(draftOrders);
        }
        selections = "order-select".equals(expectedHook) ? selections(context, draftOrders) : null;
        JsonNode prefetch = body.get("prefetch");
        if (prefetch != null && !prefetch.isNull() && !prefetch.isObject()) {
            problems.add(new Problem("prefetch", "expected an object of prefetch keys"));
            prefetch = null;
        }
        for (Prefetch p : Prefetch.values()) {
            if (prefetch == null || !prefetch.has(p.key)) {
                input.notFetched(p.description);
            } else {
                input.recordPart(prefetch.get(p.key), "prefetch." + p.key);
            }
        }
        problems.addAll(input.problems());
    }

    static HookRequest read(JsonNode body, String expectedHook) {
        return new HookRequest(body, expectedHook);
    }

    private String text(JsonNode node, String field, String path, String expected) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            problems.add(new Problem(path, "is required: " + expected));
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            problems.add(new Problem(path, "expected a non-empty string: " + expected));
            return null;
        }
        return v.asText();
    }

    /** Each draft ServiceRequest is for the patient of the call. */
    private void checkSubjects(JsonNode draftOrders) {
        if (patientId == null || !draftOrders.path("entry").isArray()) {
            return;
        }
        JsonNode entries = draftOrders.get("entry");
        for (int i = 0; i < entries.size(); i++) {
            JsonNode r = entries.get(i).path("resource");
            String subject = r.path("subject").path("reference").asText("");
            if ("ServiceRequest".equals(r.path("resourceType").asText()) && !subject.isEmpty()
                    && !subject.equals("Patient/" + patientId) && !subject.endsWith("/Patient/" + patientId)) {
                // Neither reference is repeated: a patient reference identifies a person.
                problems.add(new Problem("context.draftOrders.entry[" + i + "].resource(" + urcheck.fhir.FhirR4.label(r)
                        + ").subject", "a reference to the patient of this call (Patient/ + context.patientId); it names another"));
            }
        }
    }

    /** order-select: the ids ("ServiceRequest/abc") of the orders just selected, each one of the draft orders. */
    private List<String> selections(JsonNode context, JsonNode draftOrders) {
        JsonNode s = context.get("selections");
        if (s == null || !s.isArray()) {
            problems.add(new Problem("context.selections", "is required for order-select: an array of the selected orders' "
                    + "ids, such as [\"ServiceRequest/abc\"]"));
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        List<String> drafts = new ArrayList<>();
        if (draftOrders != null) {
            for (JsonNode e : draftOrders.path("entry")) {
                drafts.add(e.path("resource").path("resourceType").asText() + "/" + e.path("resource").path("id").asText());
            }
        }
        for (int i = 0; i < s.size(); i++) {
            String id = s.get(i).asText("");
            if (!s.get(i).isTextual() || !id.contains("/")) {
                problems.add(new Problem("context.selections[" + i + "]", "expected \"ResourceType/id\" of a draft order"));
            } else if (!drafts.contains(id)) {
                problems.add(new Problem("context.selections[" + i + "]", "the \"ResourceType/id\" of one of context.draftOrders; it is none"));
            } else {
                ids.add(id);
            }
        }
        return ids;
    }
}
