package urcheck.fhir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import urcheck.casefile.Problem;

/**
 * Where each part of the mapped case file came from in the FHIR input. The case file is read by the
 * same reader as any other ({@code $.items[0].levels: "C9-C10" is not a facet level}); this turns such
 * a problem back into the FHIR element that said it
 * ({@code Bundle.entry[3].resource(ServiceRequest/abc).bodySite[0].text}).
 */
final class Provenance {

    private final Map<String, String> sources = new HashMap<>();

    /** Records that the case-file value at {@code casePath} ("$.items[0].levels") came from {@code fhirPath}. */
    void put(String casePath, String fhirPath) {
        sources.put(casePath, fhirPath);
    }

    /** Whether this case-file value came from the FHIR input (not from a default). */
    boolean has(String casePath) {
        return sources.containsKey(casePath);
    }

    /** The FHIR path for a case-file path: its own, or that of its nearest recorded parent. */
    String fhirPathOf(String casePath) {
        String p = casePath;
        while (true) {
            String hit = sources.get(p);
            if (hit != null) {
                return hit;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            if (cut <= 0) {
                return null;
            }
            p = p.substring(0, cut);
        }
    }

    List<Problem> translate(List<Problem> problems, String fallback) {
        List<Problem> out = new ArrayList<>();
        for (Problem p : problems) {
            String fhir = fhirPathOf(p.path());
            Problem q = new Problem(fhir == null ? fallback : fhir, p.message());
            if (!out.contains(q)) {
                out.add(q);
            }
        }
        return out;
    }
}
