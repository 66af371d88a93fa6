package urcheck.casefile;

import com.fasterxml.jackson.databind.JsonNode;

/** A case file read and understood: where it came from, its facts, and any expected outcome it carries. */
public record CaseFile(String source, CaseFacts facts, JsonNode expected) {
}
