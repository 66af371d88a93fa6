package urcheck.extract;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Why the draft says what it says at one place: the case-file path, the value, and the sentence it was read
 * from (file, character offsets into the text as read, the quote); the context words that shaped it
 * ("denies", "possible"); and whether a person must look (and why).
 */
public record Evidence(String path, String value, String file, int start, int end, String quote, List<String> cues,
                       boolean needsReview, String why) {

    static Evidence of(String path, String value, Mention m, String why) {
        return new Evidence(path, value, m.record().file(), m.sentence().start(), m.sentence().end(), m.quote(),
                cues(m), why != null, why);
    }

    static List<String> cues(Mention m) {
        return m.context().cues().entrySet().stream()
                .map(e -> e.getKey().name().toLowerCase().replace('_', ' ') + ": " + e.getValue()).toList();
    }

    Evidence at(String newPath) {
        return new Evidence(newPath, value, file, start, end, quote, cues, needsReview, why);
    }

    ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("path", path);
        o.put("value", value);
        if (file != null) {
            o.put("file", file);
            o.put("start", start);
            o.put("end", end);
            o.put("quote", quote);
        }
        if (!cues.isEmpty()) {
            var a = o.putArray("cues");
            cues.forEach(a::add);
        }
        o.put("needsReview", needsReview);
        if (why != null) {
            o.put("why", why);
        }
        return o;
    }
}
