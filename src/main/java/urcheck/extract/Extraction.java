package urcheck.extract;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A draft case file read from a record: the case file (schema-valid, with its {@code extraction} block of
 * evidence) and the evidence itself.
 */
public record Extraction(ObjectNode caseFile, List<Evidence> evidence) {

    /** The evidence for a case-file path, or null. */
    public Evidence evidenceFor(String path) {
        return evidence.stream().filter(e -> e.path().equals(path)).findFirst().orElse(null);
    }
}
