package urcheck.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Hostile variants of a valid input, from a seed (the same seed gives the same variants, so a failure names
 * the seed that reproduces it). Every string it writes carries {@link #MARKER}, a stand-in for patient data:
 * no error message may repeat it. Mutations: types swapped, numbers at the edges (1e400, -0, huge exponents,
 * 2^63), deep nesting, long strings, NUL and terminal escapes, unknown keys by the thousand, dates that
 * contradict each other, removed fields, and at the byte level invalid UTF-8, duplicate keys and truncation.
 */
final class Mutator {

    /** Looks like a name and a birth date, as a record's text would. */
    static final String MARKER = "Zqxj Patientname 1961-04-02";

    /** Writes nesting deeper than Jackson's default limit, so the readers meet it. */
    private static final ObjectMapper JSON = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .streamWriteConstraints(com.fasterxml.jackson.core.StreamWriteConstraints.builder().maxNestingDepth(100_000).build())
            .build());
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String[] NUMBERS = {"1e400", "-1e400", "-0", "0", "-1", "1e-400", "9223372036854775808",
        "1.5", "100000000000000000000000000000", "4.9e-324", "1E+2147483647", "2"};
    private static final String[] NASTY = {"\u0000", "\u001b[2J\u001b]0;x\u0007", "\u202e", "\ud800", "\uffff", "\r\n", "\\", "\""};

    private final Random random;

    Mutator(long seed) {
        this.random = new Random(seed);
    }

    /** One hostile variant of {@code original} (left unchanged), as the bytes a client would send. */
    byte[] mutate(JsonNode original) {
        JsonNode tree = original.deepCopy();
        int kind = random.nextInt(14);
        if (kind >= 11) {
            return bytes(tree, kind);
        }
        List<Slot> slots = new ArrayList<>();
        collect(tree, slots);
        if (slots.isEmpty() || !(tree instanceof ObjectNode root)) {
            return text(tree).getBytes(StandardCharsets.UTF_8);
        }
        Slot s = slots.get(random.nextInt(slots.size()));
        switch (kind) {
            case 0 -> s.set(number());
            case 1 -> s.set(otherType(s.get()));
            case 2 -> s.set(F.textNode(MARKER + " " + "x".repeat(random.nextInt(20_000))));
            case 3 -> s.set(F.textNode(MARKER + NASTY[random.nextInt(NASTY.length)] + MARKER));
            case 4 -> s.set(nested(50 + random.nextInt(1_500)));
            case 5 -> unknownKeys(s.parentObject() != null ? s.parentObject() : root, 1 + random.nextInt(3_000));
            case 6 -> s.remove();
            case 7 -> contradictDates(root);
            case 8 -> s.set(F.textNode(MARKER));
            case 9 -> {
                for (int k = 0; k < 3; k++) {
                    slots.get(random.nextInt(slots.size())).set(number());
                }
            }
            default -> s.set(F.nullNode());
        }
        return text(tree).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] bytes(JsonNode tree, int kind) {
        byte[] b = text(tree).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + 64);
        int at = b.length == 0 ? 0 : random.nextInt(b.length);
        switch (kind) {
            case 11 -> { // invalid UTF-8 in the middle
                out.write(b, 0, at);
                out.writeBytes(new byte[] {(byte) 0xc3, (byte) 0x28, (byte) 0xff, 0});
                out.write(b, at, b.length - at);
            }
            case 12 -> { // a duplicate key after the opening brace
                String s = new String(b, StandardCharsets.UTF_8);
                return s.replaceFirst("\\{", "{\"caseId\": \"" + MARKER + "\", ").getBytes(StandardCharsets.UTF_8);
            }
            default -> out.write(b, 0, at); // truncated
        }
        return out.toByteArray();
    }

    private JsonNode number() {
        try {
            return JSON.readTree(NUMBERS[random.nextInt(NUMBERS.length)]);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode otherType(JsonNode was) {
        return switch (random.nextInt(5)) {
            case 0 -> F.textNode(MARKER);
            case 1 -> F.arrayNode().add(MARKER);
            case 2 -> F.objectNode().put("note", MARKER);
            case 3 -> F.booleanNode(random.nextBoolean());
            default -> was != null && was.isTextual() ? number() : F.textNode(MARKER);
        };
    }

    private JsonNode nested(int depth) {
        JsonNode n = F.textNode(MARKER);
        for (int i = 0; i < depth; i++) {
            n = random.nextBoolean() ? F.arrayNode().add(n) : F.objectNode().set("a", n);
        }
        return n;
    }

    private void unknownKeys(ObjectNode o, int n) {
        for (int i = 0; i < n; i++) {
            o.put(random.nextInt(4) == 0 ? MARKER + i : "k" + i, MARKER);
        }
    }

    /** The injury after the request, or a procedure after it: facts that cannot all be true. */
    private void contradictDates(ObjectNode root) {
        root.put("requestDate", "2016-05-01");
        if (random.nextBoolean() || !root.path("priorProcedures").isArray() || root.get("priorProcedures").isEmpty()) {
            root.put("injuryDate", "2016-06-0" + (1 + random.nextInt(9)));
        } else {
            ((ObjectNode) root.get("priorProcedures").get(0)).put("date", "2017-01");
        }
    }

    private static String text(JsonNode n) {
        try {
            return JSON.writeValueAsString(n);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A place in the tree that holds a value. */
    private record Slot(JsonNode parent, String field, int index) {
        JsonNode get() {
            return field != null ? parent.get(field) : parent.get(index);
        }

        void set(JsonNode v) {
            if (field != null) {
                ((ObjectNode) parent).set(field, v);
            } else {
                ((ArrayNode) parent).set(index, v);
            }
        }

        void remove() {
            if (field != null) {
                ((ObjectNode) parent).remove(field);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }

        ObjectNode parentObject() {
            return parent instanceof ObjectNode o ? o : null;
        }
    }

    private static void collect(JsonNode n, List<Slot> out) {
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.add(new Slot(n, e.getKey(), -1));
                collect(e.getValue(), out);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                out.add(new Slot(n, null, i));
                collect(n.get(i), out);
            }
        }
    }
}
