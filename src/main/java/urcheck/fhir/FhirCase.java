package urcheck.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.ServiceRequest;
import urcheck.casefile.CaseFile;

/**
 * A case read from FHIR: the case file as the checker reads it, the case-file JSON it was mapped to
 * (the published schema's format, for anyone who wants to see what urcheck understood), and for each
 * item the ServiceRequest it came from.
 */
public final class FhirCase {

    private final CaseFile caseFile;
    private final JsonNode caseFileJson;
    private final Map<String, Located<ServiceRequest>> orders = new LinkedHashMap<>();
    private final Located<Coverage> coverage;
    private final List<String> notFetched;
    private final boolean jurisdictionStated;

    FhirCase(CaseFile caseFile, JsonNode caseFileJson, List<OrderMapper.MappedOrder> mapped, Located<Coverage> coverage,
             List<String> notFetched, boolean jurisdictionStated) {
        this.jurisdictionStated = jurisdictionStated;
        this.caseFile = caseFile;
        this.caseFileJson = caseFileJson;
        for (OrderMapper.MappedOrder m : mapped) {
            orders.put(m.itemId(), m.order());
        }
        this.coverage = coverage;
        this.notFetched = List.copyOf(notFetched);
    }

    public CaseFile caseFile() {
        return caseFile;
    }

    public JsonNode caseFileJson() {
        return caseFileJson;
    }

    /** The ServiceRequest an item came from. */
    public ServiceRequest order(String itemId) {
        Located<ServiceRequest> o = orders.get(itemId);
        return o == null ? null : o.resource();
    }

    /** {@code ServiceRequest/abc} for an item. */
    public String orderReference(String itemId) {
        Located<ServiceRequest> o = orders.get(itemId);
        return o == null ? null : o.reference();
    }

    /** The Coverage the case was judged under, when the input holds one ({@code Coverage/abc}). */
    public String coverageReference() {
        return coverage == null ? null : coverage.reference();
    }

    /** Kinds of data the input did not carry (prefetch keys left out): facts from them are not documented. */
    public List<String> notFetched() {
        return notFetched;
    }

    /** Whether the input stated the jurisdiction (a Coverage with the US Core extension); else a default was used. */
    public boolean jurisdictionStated() {
        return jurisdictionStated;
    }

    /** The resource as FHIR JSON. */
    public static JsonNode toJson(org.hl7.fhir.r4.model.Resource r) {
        return FhirR4.toJson(r);
    }
}
