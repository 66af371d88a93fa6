package urcheck.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import urcheck.casefile.Problem;

/**
 * Reads FHIR JSON into a {@link PatientRecord}, resource by resource, collecting every problem with its
 * path. A Bundle's ServiceRequests that are draft or active (and not "do not perform") are the orders
 * being requested; everything else is the record they are judged against.
 */
public final class RecordReader {

    private final PatientRecord record;
    private final List<Problem> problems = new ArrayList<>();

    public RecordReader(String name) {
        this.record = new PatientRecord(name);
    }

    public PatientRecord record() {
        return record;
    }

    public List<Problem> problems() {
        return problems;
    }

    /** A Bundle holding both the orders and the record ({@code check --fhir}). */
    public RecordReader bundle(JsonNode bundle, String at) {
        for (Entry e : entries(bundle, at)) {
            if (e.resource instanceof ServiceRequest sr && isRequested(sr)) {
                record.addOrder(new Located<>(sr, e.path), e.fullUrl);
            } else {
                record.addToRecord(new Located<>(e.resource, e.path), e.fullUrl);
            }
        }
        return this;
    }

    /** A Bundle of draft orders (CDS Hooks context.draftOrders): its ServiceRequests are the orders. */
    public RecordReader draftOrders(JsonNode bundle, String at) {
        for (Entry e : entries(bundle, at)) {
            if (e.resource instanceof ServiceRequest sr) {
                record.addOrder(new Located<>(sr, e.path), e.fullUrl);
            }
            // Draft medication, device or other orders are not what urcheck judges, nor evidence of care tried.
        }
        return this;
    }

    /** A prefetched resource or search Bundle: part of the record. Null (no data) adds nothing. */
    public RecordReader recordPart(JsonNode value, String at) {
        if (value == null || value.isNull()) {
            return this;
        }
        if (value.isObject() && "Bundle".equals(value.path("resourceType").asText())) {
            for (Entry e : entries(value, at)) {
                record.addToRecord(new Located<>(e.resource, e.path), e.fullUrl);
            }
            return this;
        }
        String path = at + "(" + FhirR4.label(value) + ")";
        Resource r = FhirR4.parse(value, path, problems);
        if (r != null) {
            record.addToRecord(new Located<>(r, path), null);
        }
        return this;
    }

    /** Notes a kind of data the input did not carry. */
    public RecordReader notFetched(String what) {
        record.notFetched(what);
        return this;
    }

    private static boolean isRequested(ServiceRequest sr) {
        if (sr.getDoNotPerform()) {
            return false;
        }
        return sr.getStatus() == ServiceRequest.ServiceRequestStatus.DRAFT
                || sr.getStatus() == ServiceRequest.ServiceRequestStatus.ACTIVE;
    }

    private record Entry(Resource resource, String path, String fullUrl) {
    }

    private List<Entry> entries(JsonNode bundle, String at) {
        List<Entry> out = new ArrayList<>();
        if (bundle == null || !bundle.isObject()) {
            problems.add(new Problem(at, "a FHIR R4 Bundle (a JSON object with \"resourceType\": \"Bundle\")"));
            return out;
        }
        if (!"Bundle".equals(bundle.path("resourceType").asText())) {
            problems.add(new Problem(at + ".resourceType", "\"Bundle\" (got " + describe(bundle.get("resourceType")) + ")"));
            return out;
        }
        JsonNode entries = bundle.get("entry");
        ObjectNode shell = ((ObjectNode) bundle).deepCopy();
        shell.remove("entry");
        FhirR4.parse(shell, at, problems);
        if (entries == null) {
            return out;
        }
        if (!entries.isArray()) {
            problems.add(new Problem(at + ".entry", "expected a JSON array of entries"));
            return out;
        }
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            String entryAt = at + ".entry[" + i + "]";
            if (!entry.isObject()) {
                problems.add(new Problem(entryAt, "expected a JSON object"));
                continue;
            }
            JsonNode resource = entry.get("resource");
            ObjectNode entryShell = ((ObjectNode) entry).deepCopy();
            entryShell.remove("resource");
            checkEntryFields(entryShell, entryAt);
            if (resource == null) {
                continue; // a transaction entry without a resource (a DELETE): nothing to read
            }
            String path = entryAt + ".resource(" + FhirR4.label(resource) + ")";
            Resource parsed = FhirR4.parse(resource, path, problems);
            if (parsed != null) {
                out.add(new Entry(parsed, path, entry.path("fullUrl").asText(null)));
            }
        }
        return out;
    }

    private void checkEntryFields(ObjectNode entry, String at) {
        for (var it = entry.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!List.of("fullUrl", "search", "request", "response", "link", "id", "extension", "modifierExtension").contains(f)) {
                problems.add(new Problem(at + "." + FhirR4.safeName(f), "is not an element of Bundle.entry"));
            }
        }
        JsonNode fullUrl = entry.get("fullUrl");
        if (fullUrl != null && !fullUrl.isTextual()) {
            problems.add(new Problem(at + ".fullUrl", "expected a JSON string"));
        }
    }

    private static String describe(JsonNode n) {
        // A resource type is a short word; anything else may be record text and is not repeated.
        return n == null ? "no resourceType" : n.isTextual() && n.asText().matches("[A-Za-z]{1,64}") ? "\"" + n.asText() + "\""
                : "a value that is no resource type";
    }
}
