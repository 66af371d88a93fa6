package urcheck.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import urcheck.extract.Lexicon.Category;

/**
 * NegEx/ConText for one sentence: finds the trigger terms, keeps the longest where they overlap (so a
 * pseudo-trigger such as "not without" silences the "not" inside it, and "cannot be ruled out" is
 * uncertainty, not negation), and tells which triggers reach a mention: a trigger before it reaches forward
 * up to a termination term ("but", "reports", ";") or {@link #FORWARD_WORDS} words, one after it reaches back
 * {@link #BACKWARD_WORDS} words. Sections add context of their own: a family history is someone else's, a
 * past history is not current, a plan is the future.
 */
final class ContextRules {

    /** Long enough for a list after "denies" ("denies numbness, tingling, weakness or radiating pain"). */
    static final int FORWARD_WORDS = 14;
    static final int BACKWARD_WORDS = 5;

    private record Trigger(Category category, boolean before, int start, int end) {
        int length() {
            return end - start;
        }
    }

    private final Lexicon lexicon;
    private String cachedText;
    private Sentence cachedSentence;
    private List<Trigger> cachedTriggers;
    private List<Span> cachedTerminations;

    ContextRules(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** The context of the mention {@code [ms, me)} in sentence {@code s} of {@code text}. */
    Context assess(String text, Sentence s, int ms, int me) {
        if (cachedText != text || cachedSentence != s) {
            cachedTriggers = triggers(text, s);
            cachedTerminations = lexicon.termination.find(text, s.start(), s.end());
            cachedText = text;
            cachedSentence = s;
        }
        List<Trigger> found = new ArrayList<>(cachedTriggers);
        return decide(text, s, ms, me, found);
    }

    /** Every trigger in the sentence, found once per sentence (a sentence has many mentions). */
    private List<Trigger> triggers(String text, Sentence s) {
        List<Trigger> found = new ArrayList<>();
        for (var e : lexicon.before.entrySet()) {
            if (e.getKey() == Category.GENERIC) {
                continue;
            }
            for (Span sp : e.getValue().find(text, s.start(), s.end())) {
                found.add(new Trigger(e.getKey(), true, sp.start(), sp.end()));
            }
        }
        for (var e : lexicon.after.entrySet()) {
            if (e.getKey() == Category.GENERIC) {
                continue;
            }
            for (Span sp : e.getValue().find(text, s.start(), s.end())) {
                found.add(new Trigger(e.getKey(), false, sp.start(), sp.end()));
            }
        }
        return found;
    }

    private Context decide(String text, Sentence s, int ms, int me, List<Trigger> found) {
        // The mention's own words are not triggers ("non-radicular", "no relief"): drop those first.
        found.removeIf(t -> t.start() < me && ms < t.end());
        // a term listed both before and after ("being planned") reaches both ways: keep it as two triggers
        // that do not compete with each other
        List<Trigger> twins = new ArrayList<>();
        for (Trigger t : found) {
            for (Trigger u : found) {
                if (t != u && t.before() && !u.before() && t.start() == u.start() && t.end() == u.end() && t.category() == u.category()) {
                    twins.add(u);
                }
            }
        }
        found.removeAll(twins);
        found.sort(Comparator.comparingInt(Trigger::length).reversed().thenComparingInt(Trigger::start));
        List<Trigger> kept = new ArrayList<>();
        for (Trigger t : found) {
            boolean overlaps = false;
            for (Trigger k : kept) {
                if (t.start() < k.end() && k.start() < t.end()) {
                    overlaps = true;
                    break;
                }
            }
            if (!overlaps) {
                kept.add(t);
                for (Trigger u : twins) {
                    if (u.start() == t.start() && u.end() == t.end() && u.category() == t.category()) {
                        kept.add(u);
                    }
                }
            }
        }
        List<Span> terminations = cachedTerminations;
        Map<Category, String> cues = new EnumMap<>(Category.class);
        for (Trigger t : kept) {
            if (t.category() == Category.PSEUDO) {
                continue;
            }
            boolean reaches = t.before()
                    ? t.end() <= ms && (words(text, t.end(), ms) <= FORWARD_WORDS || t.category() == Category.NOT_DOCUMENTED)
                            && !terminated(terminations, t.end(), ms, kept)
                    : t.start() >= me && words(text, me, t.start()) <= BACKWARD_WORDS && !terminated(terminations, me, t.start(), kept);
            if (reaches) {
                cues.putIfAbsent(t.category(), text.substring(t.start(), t.end()).replaceAll("\\s+", " "));
            }
        }
        switch (s.section()) {
            case FAMILY_HISTORY -> cues.putIfAbsent(Category.OTHER_PERSON, "section: family history");
            case PAST_HISTORY -> cues.putIfAbsent(Category.HISTORICAL, "section: past history");
            default -> {
            }
        }
        if (s.section() == Section.RATIONALE) {
            List<Span> generic = lexicon.before.get(Category.GENERIC).find(text, s.start(), s.end());
            if (!generic.isEmpty()) {
                cues.put(Category.GENERIC, text.substring(generic.get(0).start(), generic.get(0).end()));
            }
        }
        return new Context(cues);
    }

    /** Whether a sentence states a guideline rather than the patient's record (only asked of a decision's rationale). */
    boolean generic(String text, Sentence s) {
        return s.section() == Section.RATIONALE && (lexicon.before.get(Category.GENERIC).in(text, s.start(), s.end())
                || !lexicon.patient.in(text, s.start(), s.end()));
    }

    private static boolean terminated(List<Span> terminations, int from, int to, List<Trigger> kept) {
        for (Span t : terminations) {
            if (t.start() >= from && t.end() <= to) {
                boolean insideTrigger = false;
                for (Trigger k : kept) {
                    if (t.start() >= k.start() && t.end() <= k.end()) {
                        insideTrigger = true;
                        break;
                    }
                }
                if (!insideTrigger) {
                    return true;
                }
            }
        }
        return false;
    }

    static int words(String text, int from, int to) {
        int n = 0;
        boolean inWord = false;
        for (int i = from; i < to; i++) {
            boolean w = !Character.isWhitespace(text.charAt(i));
            if (w && !inWord) {
                n++;
            }
            inWord = w;
        }
        return n;
    }
}
