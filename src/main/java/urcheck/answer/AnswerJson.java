package urcheck.answer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.util.List;

/**
 * Answers as JSON: pretty-printed or compact, byte-identical for the same input. A {@link CaseAnswer}, wherever
 * it appears (alone, in a list, in a batch result), is written by {@link AnswerWriter}: the same bytes databind
 * writes for the records, several times faster.
 */
public final class AnswerJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .registerModule(new SimpleModule("urcheck-answers").addSerializer(CaseAnswer.class, new AnswerWriter()));
    // Writers made once: each knows its serializers after the first answer, and is thread-safe.
    private static final ObjectWriter PRETTY = MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectWriter COMPACT = MAPPER.writer();

    private AnswerJson() {
    }

    public static String pretty(Object answer) {
        try {
            return PRETTY.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the answer as JSON", e);
        }
    }

    public static String compact(Object answer) {
        try {
            return COMPACT.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the answer as JSON", e);
        }
    }

    /** {@link #compact(Object)} as UTF-8 bytes, written as bytes (no String in between). */
    public static byte[] compactBytes(Object answer) {
        try {
            return COMPACT.writeValueAsBytes(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the answer as JSON", e);
        }
    }

    /** {@link #pretty(Object)} as UTF-8 bytes. */
    public static byte[] prettyBytes(Object answer) {
        try {
            return PRETTY.writeValueAsBytes(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the answer as JSON", e);
        }
    }

    public static String pretty(List<?> answers) {
        return pretty((Object) answers);
    }
}
