package urcheck.fhir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * What the mapping reads: the orders being requested (each becomes a case item) and the rest of the
 * patient's record (conditions, observations, procedures, medications, care plans, coverage, earlier
 * orders). Built from a Bundle ({@code check --fhir}) or from a CDS Hooks request (draftOrders + prefetch).
 */
public final class PatientRecord {

    private final String name;
    private final List<Located<ServiceRequest>> orders = new ArrayList<>();
    private final List<Located<Resource>> record = new ArrayList<>();
    private final Map<String, Located<Resource>> byReference = new HashMap<>();
    private final List<String> notFetched = new ArrayList<>();

    PatientRecord(String name) {
        this.name = name;
    }

    /** How the input is named in a case id and in errors (a file name, a hook instance). */
    public String name() {
        return name;
    }

    void addOrder(Located<ServiceRequest> order, String fullUrl) {
        orders.add(order);
        index(cast(order), fullUrl);
    }

    void addToRecord(Located<Resource> resource, String fullUrl) {
        record.add(resource);
        index(resource, fullUrl);
    }

    /** A kind of data the request did not carry (a prefetch key left out): facts from it are not documented. */
    void notFetched(String what) {
        notFetched.add(what);
    }

    public List<String> notFetched() {
        return List.copyOf(notFetched);
    }

    List<Located<ServiceRequest>> orders() {
        return orders;
    }

    /** The record's resources of one type, in input order. */
    @SuppressWarnings("unchecked")
    <T extends Resource> List<Located<T>> all(Class<T> type) {
        List<Located<T>> out = new ArrayList<>();
        for (Located<Resource> r : record) {
            if (type.isInstance(r.resource())) {
                out.add((Located<T>) (Located<?>) r);
            }
        }
        return out;
    }

    /** The resource a reference points at, when the input holds it ("Condition/abc" or a fullUrl). */
    Located<Resource> resolve(Reference reference) {
        if (reference == null || !reference.hasReference()) {
            return null;
        }
        String ref = reference.getReference();
        Located<Resource> hit = byReference.get(ref);
        if (hit == null && ref.contains("/")) {
            // an absolute URL ending in Type/id
            String[] parts = ref.split("/");
            if (parts.length >= 2) {
                hit = byReference.get(parts[parts.length - 2] + "/" + parts[parts.length - 1]);
            }
        }
        return hit;
    }

    /** Whether a reference points at this resource. */
    boolean refersTo(Reference reference, Located<? extends Resource> target) {
        Located<Resource> hit = resolve(reference);
        return hit != null && hit.resource() == target.resource();
    }

    List<Located<Coverage>> coverages() {
        return all(Coverage.class);
    }

    private void index(Located<Resource> r, String fullUrl) {
        byReference.putIfAbsent(r.reference(), r);
        if (fullUrl != null && !fullUrl.isEmpty()) {
            byReference.putIfAbsent(fullUrl, r);
        }
    }

    @SuppressWarnings("unchecked")
    private static Located<Resource> cast(Located<? extends Resource> r) {
        return (Located<Resource>) r;
    }
}
