package urcheck.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import urcheck.levels.LevelException;
import urcheck.levels.LevelParser;
import urcheck.levels.Levels;

/** Spinal levels as a sentence writes them ("L4-5, L5-S1", "C2 through C4"): the words, if the level reader accepts them. */
final class LevelText {

    private static final Pattern TOKEN = Pattern.compile(
            "(?<![\\w])[CTLS]\\s?\\d{1,2}(?:\\s*(?:-|/|\\u2013|to|through)\\s*(?:[CTLS]\\s?)?\\d{1,2})?(?![\\w])");
    private static final Pattern SEPARATOR = Pattern.compile("[\\s,&/;]*(?:and|through|to|-|\\u2013)?[\\s,&/]*(?:the\\s+)?");

    private LevelText() {
    }

    /** The levels written in {@code text[from, to)} as one run of level words, or null. */
    static Span find(String text, int from, int to) {
        Matcher m = TOKEN.matcher(text);
        m.region(from, to);
        List<Span> tokens = new ArrayList<>();
        while (m.find()) {
            tokens.add(new Span(m.start(), m.end()));
        }
        if (tokens.isEmpty()) {
            return null;
        }
        int start = tokens.get(0).start();
        int end = tokens.get(0).end();
        for (int i = 1; i < tokens.size(); i++) {
            String between = text.substring(end, tokens.get(i).start());
            if (!SEPARATOR.matcher(between).matches()) {
                break;
            }
            end = tokens.get(i).end();
        }
        return new Span(start, end);
    }

    /** The words if they read as levels, else null. */
    static String accepted(String words) {
        if (words == null) {
            return null;
        }
        try {
            Levels l = LevelParser.parse(words);
            return l.joints().isEmpty() ? null : words;
        } catch (LevelException | RuntimeException e) {
            return null;
        }
    }

    static String in(String text, int from, int to) {
        Span s = find(text, from, to);
        return s == null ? null : accepted(text.substring(s.start(), s.end()).replaceAll("\\s+", " "));
    }

    /** Levels as the evaluation compares them: the joints they name ("L4-L5,L5-S1"), or the words when unreadable. */
    static String joints(String words) {
        try {
            return LevelParser.parse(words).jointList();
        } catch (LevelException | RuntimeException e) {
            return words;
        }
    }
}
