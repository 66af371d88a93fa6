package urcheck.answer;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
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

    /** The JSON of {@code value} and a line break, as UTF-8: an HTTP body, compact or pretty. */
    public static byte[] body(Object value, boolean pretty) {
        ByteArrayBuilder out = new ByteArrayBuilder(8192);
        try {
            (pretty ? PRETTY : COMPACT).writeValue(out, value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the answer as JSON", e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    /**
     * Writes values one after another as one JSON array, as they come (a batch need not hold every answer): the
     * bytes {@link #compact(Object)} or {@link #pretty(Object)} write for the list of the same values.
     */
    public static final class ArrayWriter implements Closeable {

        private final ObjectWriter writer;
        private final JsonGenerator g;

        public ArrayWriter(OutputStream out, boolean pretty) throws IOException {
            this.writer = pretty ? PRETTY : COMPACT;
            this.g = writer.createGenerator(out);
            g.writeStartArray();
        }

        public void add(Object value) throws IOException {
            writer.writeValue(g, value);
        }

        /** Ends the array; the stream is left open. */
        @Override
        public void close() throws IOException {
            g.writeEndArray();
            g.flush();
        }
    }
}
