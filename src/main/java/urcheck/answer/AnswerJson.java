package urcheck.answer;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
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

    public static String pretty(List<?> answers) {
        return pretty((Object) answers);
    }

    /**
     * The JSON of {@code value} and a line break, as UTF-8: an HTTP body, compact or pretty. Written as text, then
     * encoded, as the command line's output is: Jackson's byte writer escapes characters outside the BMP (an emoji
     * in a case id) where the text is encoded as they are, and the bytes must be the command line's.
     */
    public static byte[] body(Object value, boolean pretty) {
        return ((pretty ? pretty(value) : compact(value)) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Writes values one after another as one JSON array, as they come (a batch need not hold every answer): the
     * characters {@link #compact(Object)} or {@link #pretty(Object)} write for the list of the same values.
     */
    public static final class ArrayWriter implements Closeable {

        private final ObjectWriter writer;
        private final JsonGenerator g;

        public ArrayWriter(Writer out, boolean pretty) throws IOException {
            this.writer = pretty ? PRETTY : COMPACT;
            this.g = writer.createGenerator(out);
            g.writeStartArray();
        }

        public void add(Object value) throws IOException {
            writer.writeValue(g, value);
        }

        /** Ends the array and flushes it to the writer, which is left open. */
        @Override
        public void close() throws IOException {
            g.writeEndArray();
            g.flush();
        }
    }
}
