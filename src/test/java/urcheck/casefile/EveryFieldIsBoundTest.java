package urcheck.casefile;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import urcheck.TestCheckers;

/**
 * CaseFileBinder binds the case file by hand (issue 14), so a field added to case-file.schema.json must be added
 * there too, or a case the schema accepts would be refused. This builds, from the schema itself, a case that has
 * every field the schema declares, at every level, and checks the schema accepts it and the binder binds it.
 */
class EveryFieldIsBoundTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** A value for each pattern the schema has; a new pattern needs one here. */
    private static final Map<String, String> PATTERN_SAMPLES = Map.of(
            "^\\d{4}(-\\d{2}(-\\d{2})?)?$", "2016-01-01",
            "^[A-TV-Z][0-9][0-9AB](\\.[0-9A-Z]{1,4})?$", "M47.816",
            "^[0-9]{4}[0-9A-Z]$", "64493");

    private JsonNode schema;
    private int fields;

    @Test
    void aCaseWithEveryFieldTheSchemaDeclaresIsValidAndBound() throws Exception {
        schema = JSON.readTree(CaseFileReader.schemaText());
        JsonNode everything = sample(schema, "$");
        CaseFileReader reader = TestCheckers.builtIn().reader();
        try {
            reader.validate("every-field.json", everything);
        } catch (InvalidCaseFileException e) {
            fail("the sample built from the schema is not valid (teach this test the new keyword or pattern): " + e.report());
        }
        try {
            reader.bind("every-field.json", everything);
        } catch (InvalidCaseFileException e) {
            fail("the schema accepts a field CaseFileBinder does not bind; add it there (and to CaseFileDto): " + e.report());
        }
        assertTrue(fields > 100, fields + " fields");
    }

    private JsonNode resolve(JsonNode s) {
        JsonNode ref = s.get("$ref");
        return ref == null ? s : resolve(schema.at(ref.asText().substring(1)));
    }

    private JsonNode sample(JsonNode s, String path) {
        s = resolve(s);
        if (s.has("enum")) {
            return s.get("enum").get(0);
        }
        String type = s.path("type").asText(s.has("properties") ? "object" : "");
        switch (type) {
            case "object" -> {
                ObjectNode o = F.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> it = s.path("properties").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> p = it.next();
                    fields++;
                    o.set(p.getKey(), sample(p.getValue(), path + "." + p.getKey()));
                }
                if (s.path("additionalProperties").isObject()) {
                    o.set("k", sample(s.get("additionalProperties"), path + ".k"));
                }
                return o;
            }
            case "array" -> {
                ArrayNode a = F.arrayNode();
                a.add(sample(s.get("items"), path + "[0]"));
                return a;
            }
            case "string" -> {
                if (s.has("pattern")) {
                    String v = PATTERN_SAMPLES.get(s.get("pattern").asText());
                    if (v == null) {
                        fail(path + ": no sample for the pattern " + s.get("pattern") + "; add one to PATTERN_SAMPLES");
                    }
                    return F.textNode(v);
                }
                return F.textNode("x");
            }
            case "integer" -> {
                return F.numberNode(Math.max(1, s.path("minimum").asInt(1)));
            }
            case "number" -> {
                return F.numberNode(Math.max(1, s.path("minimum").asInt(1)));
            }
            case "boolean" -> {
                return F.booleanNode(false);
            }
            default -> {
                fail(path + ": the test cannot build a value for " + s);
                return null;
            }
        }
    }
}
