package urcheck.answer;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Strings an answer repeats case after case (criterion texts, citations, findings, labels), kept already quoted and
 * escaped as JSON: escaping them character by character was half the time of writing an answer. The bytes written
 * are those the generator writes for the plain string (same escapes), so the answer stays byte-identical.
 *
 * <p>Bounded: only strings up to {@link #MAX_LENGTH} characters, and no more than {@link #MAX_ENTRIES} of them;
 * past that (and for a string with a surrogate) a string is written as usual. Writers call {@link #write} only for values that come from the
 * knowledge base or the rules, never for what a case states (ids, requests, levels), so what a case says is never
 * kept here.
 */
final class QuotedTexts {

    static final int MAX_ENTRIES = 4096;
    static final int MAX_LENGTH = 2000;

    private final ConcurrentHashMap<String, SerializedString> quoted = new ConcurrentHashMap<>();

    void write(JsonGenerator g, String s) throws IOException {
        if (s == null) {
            g.writeNull();
            return;
        }
        SerializedString q = quoted.get(s);
        if (q == null) {
            if (s.length() > MAX_LENGTH || quoted.size() >= MAX_ENTRIES || hasSurrogate(s)) {
                g.writeString(s);
                return;
            }
            q = quoted.computeIfAbsent(s, SerializedString::new);
        }
        g.writeString(q);
    }

    /**
     * A lone surrogate is written raw as text and as an escape in UTF-8 by the generator, but a quoted string
     * refuses it: strings with any surrogate are written as usual (none of the knowledge base's texts has one).
     */
    private static boolean hasSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    int size() {
        return quoted.size();
    }
}
