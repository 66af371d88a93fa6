package urcheck.extract;

import java.util.EnumMap;
import java.util.Map;
import urcheck.extract.Lexicon.Category;

/** The context triggers that reach one mention, each with the words that triggered it (for the evidence). */
record Context(Map<Category, String> cues) {

    Context {
        cues = new EnumMap<>(cues.isEmpty() ? new EnumMap<>(Category.class) : cues);
    }

    boolean has(Category c) {
        return cues.containsKey(c);
    }

    String cue(Category c) {
        return cues.get(c);
    }
}
