package urcheck.fhir;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import urcheck.casefile.Problem;

/** A case file being mapped from FHIR: the JSON tree, where each part came from, and what went wrong. */
final class CaseDraft {

    /** The case-file schema's limit on notes and request texts. */
    private static final int MAX_TEXT = 2000;

    final ObjectNode root = JsonNodeFactory.instance.objectNode();
    final Provenance provenance = new Provenance();
    final List<Problem> problems = new ArrayList<>();

    ObjectNode object(String field) {
        return root.has(field) ? (ObjectNode) root.get(field) : root.putObject(field);
    }

    ArrayNode array(String field) {
        return root.has(field) ? (ArrayNode) root.get(field) : root.putArray(field);
    }

    /** A note or request text as the case file allows it (the record's words, cut at the schema's limit). */
    static String text(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip().replaceAll("\\s+", " ");
        return t.length() <= MAX_TEXT ? t : t.substring(0, MAX_TEXT - 1) + "\u2026";
    }

    /** A note naming its source: "Radiculopathy, cervical region [Condition/abc]". */
    static String note(String words, Located<?> source) {
        String ref = "[" + source.reference() + "]";
        return text(words == null || words.isBlank() ? ref : words.strip() + " " + ref);
    }
}
