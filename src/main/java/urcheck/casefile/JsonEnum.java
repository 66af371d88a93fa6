package urcheck.casefile;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How an enum is written in a case file: each constant in lower case ("not_documented"). Looked up in a
 * table built once, not with {@code Enum.valueOf(toUpperCase(...))} on every value of every case.
 */
final class JsonEnum<E extends Enum<E>> {

    private final E[] constants;
    private final String[] values;
    /** The values as the schema validator lists them, for the same message: ["a", "b"]. */
    private final String listed;

    private JsonEnum(Class<E> type) {
        constants = type.getEnumConstants();
        values = new String[constants.length];
        for (E e : constants) {
            values[e.ordinal()] = e.name().toLowerCase(Locale.ROOT);
        }
        listed = List.of(values).stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", ", "[", "]"));
    }

    static <E extends Enum<E>> JsonEnum<E> of(Class<E> type) {
        return new JsonEnum<>(type);
    }

    /** The constant written as {@code value}, or null when no constant is (only the exact lower-case form is). */
    E get(String value) {
        // A scan, not a hash lookup: every value read is a new string whose hash would be computed for this one
        // look-up, and equals() on strings of another length returns at once. The enums have at most ten values.
        for (int i = 0; i < values.length; i++) {
            if (values[i].equals(value)) {
                return constants[i];
            }
        }
        return null;
    }

    /** "physical_therapy" for PHYSICAL_THERAPY. */
    String value(E constant) {
        return values[constant.ordinal()];
    }

    /** ["california", "texas", "other"] */
    String listed() {
        return listed;
    }
}
