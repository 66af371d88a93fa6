package urcheck.casefile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A quick yes to "does this tree satisfy case-file.schema.json?", read from the schema itself, for the case
 * nearly every case is: valid. It only ever says "certainly valid" or "not sure"; when not sure, the schema
 * validator runs as before and every refusal is its own, word for word. So it must never accept what the
 * validator refuses, and it is built to be stricter wherever the two could differ: 5.0 is not an integer here,
 * numbers are compared only where a double is exact, a pattern is matched only on printable ASCII, a string's
 * length is counted both as UTF-16 units and as code points. It reads the keywords the schema uses (type,
 * enum, required, properties, additionalProperties, items, min/max items and lengths, minimum, maximum,
 * exclusive minimum and maximum, pattern, anyOf, $ref to $defs); a schema with any other keyword gets no fast
 * path at all, so a schema that grows cannot make it wrong, only slower. The validator costs ~10 us a case;
 * this ~1 us.
 */
final class SchemaFastPath {

    /** Keywords that say nothing about validity. */
    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$comment", "$defs", "title", "description",
            "examples", "default", "deprecated", "readOnly", "writeOnly");
    /** Patterns made of these parts mean the same in every regex dialect a validator may use, on printable ASCII. */
    private static final Pattern PORTABLE_PATTERN = Pattern.compile("(?:[\\^$()|?*+.]|\\{\\d+(?:,\\d*)?}|\\\\[d.\\-]"
            + "|\\[(?:[A-Za-z0-9]-[A-Za-z0-9]|[A-Za-z0-9]|\\\\[d.\\-])+]|[A-Za-z0-9 _:-])*");
    private static final double EXACT = 9.007199254740992E15; // 2^53: longs up to this are exact as doubles

    private static final int OBJECT = 1;
    private static final int ARRAY = 2;
    private static final int STRING = 4;
    private static final int INTEGER = 8;
    private static final int NUMBER = 16;
    private static final int BOOLEAN = 32;
    private static final int NULL = 64;

    /** One schema object, compiled: every keyword it has must hold. */
    private static final class Rule {
        int types = -1;
        Set<String> values;
        List<String> required = List.of();
        Map<String, Rule> properties;
        boolean noOtherProperties;
        Rule otherProperties;
        Rule items;
        int minItems = -1;
        int maxItems = -1;
        int minLength = -1;
        int maxLength = -1;
        double minimum = Double.NaN;
        double maximum = Double.NaN;
        double exclusiveMinimum = Double.NaN;
        double exclusiveMaximum = Double.NaN;
        Pattern pattern;
        List<Rule> anyOf;
        Rule ref;

        boolean accepts(JsonNode n) {
            if (types != -1 && (types & type(n)) == 0) {
                return false;
            }
            if (values != null && !(n.isTextual() && values.contains(n.textValue()))) {
                return false;
            }
            if (n.isObject() && !object(n)) {
                return false;
            }
            if (n.isArray() && !array(n)) {
                return false;
            }
            if (n.isTextual() && !string(n.textValue())) {
                return false;
            }
            if (n.isNumber() && !number(n)) {
                return false;
            }
            if (anyOf != null && !anyOfAccepts(n)) {
                return false;
            }
            return ref == null || ref.accepts(n);
        }

        private boolean object(JsonNode n) {
            for (int i = 0; i < required.size(); i++) {
                if (!n.has(required.get(i))) {
                    return false;
                }
            }
            if (properties == null && !noOtherProperties && otherProperties == null) {
                return true;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Rule r = properties == null ? null : properties.get(e.getKey());
                if (r == null) {
                    if (noOtherProperties) {
                        return false;
                    }
                    r = otherProperties;
                }
                if (r != null && !r.accepts(e.getValue())) {
                    return false;
                }
            }
            return true;
        }

        private boolean array(JsonNode n) {
            if (minItems >= 0 && n.size() < minItems || maxItems >= 0 && n.size() > maxItems) {
                return false;
            }
            if (items != null) {
                for (int i = 0; i < n.size(); i++) {
                    if (!items.accepts(n.get(i))) {
                        return false;
                    }
                }
            }
            return true;
        }

        private boolean string(String s) {
            // UTF-16 units are at least the code points: under maxLength both ways, over minLength both ways.
            if (maxLength >= 0 && s.length() > maxLength) {
                return false;
            }
            if (minLength >= 0 && s.codePointCount(0, s.length()) < minLength) {
                return false;
            }
            if (pattern != null) {
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    if (c < 0x20 || c > 0x7e) {
                        return false;
                    }
                }
                return pattern.matcher(s).find();
            }
            return true;
        }

        private boolean number(JsonNode n) {
            if (Double.isNaN(minimum) && Double.isNaN(maximum) && Double.isNaN(exclusiveMinimum) && Double.isNaN(exclusiveMaximum)) {
                return true;
            }
            double v;
            if (n.isFloatingPointNumber() && !n.isBigDecimal()) {
                v = n.doubleValue();
            } else if (n.isIntegralNumber() && n.canConvertToLong() && Math.abs(n.longValue()) <= EXACT) {
                v = n.longValue();
            } else {
                return false;
            }
            return !(v < minimum) && !(v > maximum) && !(v <= exclusiveMinimum) && !(v >= exclusiveMaximum)
                    && Double.isFinite(v);
        }

        private boolean anyOfAccepts(JsonNode n) {
            for (Rule r : anyOf) {
                if (r.accepts(n)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static int type(JsonNode n) {
        if (n.isObject()) {
            return OBJECT;
        }
        if (n.isArray()) {
            return ARRAY;
        }
        if (n.isTextual()) {
            return STRING;
        }
        if (n.isIntegralNumber()) {
            return INTEGER | NUMBER;
        }
        if (n.isNumber()) {
            return NUMBER;
        }
        if (n.isBoolean()) {
            return BOOLEAN;
        }
        return n.isNull() ? NULL : 0;
    }

    private final Rule root;

    private SchemaFastPath(Rule root) {
        this.root = root;
    }

    /** True only when the schema validator would certainly find nothing wrong with {@code tree}. */
    boolean accepts(JsonNode tree) {
        return root.accepts(tree);
    }

    /** The fast path for this schema, or null (with the reason in {@code why}) when it uses what this does not read. */
    static SchemaFastPath compile(JsonNode schema, List<String> why) {
        try {
            Map<String, Rule> defs = new HashMap<>();
            JsonNode defsNode = schema.get("$defs");
            if (defsNode != null) {
                // Every definition gets its Rule first, so references may point anywhere, themselves included.
                defsNode.fieldNames().forEachRemaining(name -> defs.put(name, new Rule()));
                for (Iterator<Map.Entry<String, JsonNode>> it = defsNode.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    fill(defs.get(e.getKey()), e.getValue(), defs);
                }
            }
            Rule root = new Rule();
            fill(root, schema, defs);
            return new SchemaFastPath(root);
        } catch (Unsupported e) {
            why.add(e.getMessage());
            return null;
        }
    }

    private static final class Unsupported extends Exception {
        Unsupported(String message) {
            super(message, null, false, false);
        }
    }

    private static Rule compile(JsonNode s, Map<String, Rule> defs) throws Unsupported {
        Rule r = new Rule();
        fill(r, s, defs);
        return r;
    }

    private static void fill(Rule r, JsonNode s, Map<String, Rule> defs) throws Unsupported {
        if (!s.isObject()) {
            throw new Unsupported("a schema that is not an object (" + s.getNodeType() + ")");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String k = e.getKey();
            JsonNode v = e.getValue();
            switch (k) {
                case "type" -> r.types = types(v);
                case "enum" -> r.values = strings(v, k);
                case "required" -> r.required = List.copyOf(strings(v, k));
                case "properties" -> {
                    r.properties = new HashMap<>();
                    for (Iterator<Map.Entry<String, JsonNode>> p = v.fields(); p.hasNext(); ) {
                        Map.Entry<String, JsonNode> prop = p.next();
                        r.properties.put(prop.getKey(), compile(prop.getValue(), defs));
                    }
                }
                case "additionalProperties" -> {
                    if (v.isBoolean()) {
                        r.noOtherProperties = !v.booleanValue();
                    } else {
                        r.otherProperties = compile(v, defs);
                    }
                }
                case "items" -> r.items = compile(v, defs);
                case "minItems" -> r.minItems = count(v, k);
                case "maxItems" -> r.maxItems = count(v, k);
                case "minLength" -> r.minLength = count(v, k);
                case "maxLength" -> r.maxLength = count(v, k);
                case "minimum" -> r.minimum = limit(v, k);
                case "maximum" -> r.maximum = limit(v, k);
                case "exclusiveMinimum" -> r.exclusiveMinimum = limit(v, k);
                case "exclusiveMaximum" -> r.exclusiveMaximum = limit(v, k);
                case "pattern" -> {
                    if (!v.isTextual() || !PORTABLE_PATTERN.matcher(v.textValue()).matches()) {
                        throw new Unsupported("the pattern " + v + " (only patterns every regex dialect reads alike)");
                    }
                    r.pattern = Pattern.compile(v.textValue());
                }
                case "anyOf" -> {
                    if (!v.isArray() || v.isEmpty()) {
                        throw new Unsupported("anyOf that is not a list of schemas");
                    }
                    r.anyOf = new ArrayList<>();
                    for (JsonNode branch : v) {
                        r.anyOf.add(compile(branch, defs));
                    }
                }
                case "$ref" -> {
                    String ref = v.asText();
                    Rule target = ref.startsWith("#/$defs/") ? defs.get(ref.substring("#/$defs/".length())) : null;
                    if (target == null) {
                        throw new Unsupported("the reference " + ref + " (only #/$defs/NAME)");
                    }
                    r.ref = target;
                }
                default -> {
                    if (!ANNOTATIONS.contains(k)) {
                        throw new Unsupported("the keyword " + k);
                    }
                }
            }
        }
    }

    private static int types(JsonNode v) throws Unsupported {
        if (!v.isTextual()) {
            throw new Unsupported("a type that is not one name");
        }
        return switch (v.textValue()) {
            case "object" -> OBJECT;
            case "array" -> ARRAY;
            case "string" -> STRING;
            case "integer" -> INTEGER;
            case "number" -> NUMBER;
            case "boolean" -> BOOLEAN;
            case "null" -> NULL;
            default -> throw new Unsupported("the type " + v.textValue());
        };
    }

    private static Set<String> strings(JsonNode v, String keyword) throws Unsupported {
        if (!v.isArray()) {
            throw new Unsupported(keyword + " that is not a list");
        }
        Set<String> out = new HashSet<>();
        for (JsonNode e : v) {
            if (!e.isTextual()) {
                throw new Unsupported(keyword + " with a value that is not a string");
            }
            out.add(e.textValue());
        }
        return out;
    }

    private static int count(JsonNode v, String keyword) throws Unsupported {
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 0) {
            throw new Unsupported(keyword + " that is not a count");
        }
        return v.intValue();
    }

    /** A bound compared as a double: only one a double holds exactly. */
    private static double limit(JsonNode v, String keyword) throws Unsupported {
        if (!v.isNumber() || new java.math.BigDecimal(v.doubleValue()).compareTo(v.decimalValue()) != 0) {
            throw new Unsupported(keyword + " " + v + " (only bounds a double holds exactly)");
        }
        return v.doubleValue();
    }
}
