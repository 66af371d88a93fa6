package urcheck.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A list of lexicon terms compiled into one pattern, so a document is scanned once per list, not once
 * per word. The lexicon is written for clinicians, not in regular expressions (rules/lexicon/README.md):
 * words match case-insensitively at word edges; a space matches any run of whitespace, line breaks
 * included; {@code word*} matches any ending; {@code #} a number; {@code _} up to four words in between;
 * {@code (a|b)} alternatives, {@code (...)?} an optional part; {@code =WORD} matches WORD in exactly that
 * case ({@code =PT} is physical therapy, "pt" the patient). Longer terms are tried first, so the longest
 * term that matches at a place wins.
 */
final class Terms {

    static final Terms NONE = new Terms(List.of());
    private static final String EDGE = "(?<![\\w])";

    private final List<String> written;
    private final Pattern pattern;

    Terms(List<String> terms) {
        this.written = List.copyOf(terms);
        List<String> sorted = new ArrayList<>(terms);
        sorted.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        // Terms that start at a word edge share one edge test in front of the alternation: most places in a
        // text are inside a word, and there the whole list then fails at once (a tenfold speed-up).
        StringBuilder words = new StringBuilder();
        StringBuilder others = new StringBuilder();
        for (String t : sorted) {
            if (t.isBlank()) {
                continue;
            }
            String r = toRegex(t.strip());
            boolean edge = r.startsWith(EDGE);
            StringBuilder into = edge ? words : others;
            if (into.length() > 0) {
                into.append('|');
            }
            into.append("(?:").append(edge ? r.substring(EDGE.length()) : r).append(')');
        }
        String all = words.length() == 0 ? "" : EDGE + "(?:" + words + ")";
        if (others.length() > 0) {
            all = all.isEmpty() ? others.toString() : all + "|" + others;
        }
        this.pattern = all.isEmpty() ? null : Pattern.compile(all, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    List<String> written() {
        return written;
    }

    boolean isEmpty() {
        return pattern == null;
    }

    /** Every match in {@code text[from, to)}, left to right, not overlapping. */
    List<Span> find(CharSequence text, int from, int to) {
        List<Span> out = new ArrayList<>();
        if (pattern == null) {
            return out;
        }
        Matcher m = pattern.matcher(text);
        m.region(from, to);
        m.useTransparentBounds(true);
        m.useAnchoringBounds(false);
        while (m.find()) {
            if (m.end() > m.start()) {
                out.add(new Span(m.start(), m.end()));
            }
        }
        return out;
    }

    boolean in(CharSequence text, int from, int to) {
        return !find(text, from, to).isEmpty();
    }

    /** Whether the whole of {@code s} is one of the terms. */
    boolean isWhole(String s) {
        return pattern != null && pattern.matcher(s).matches();
    }

    static String toRegex(String t) {
        StringBuilder r = new StringBuilder();
        char first = t.charAt(0) == '=' && t.length() > 1 ? t.charAt(1) : t.charAt(0);
        if (Character.isLetterOrDigit(first) || first == '(' || first == '#') {
            r.append(EDGE);
        }
        int i = 0;
        while (i < t.length()) {
            char c = t.charAt(i);
            switch (c) {
                case ' ' -> {
                    while (i + 1 < t.length() && t.charAt(i + 1) == ' ') {
                        i++;
                    }
                    r.append("\\s+");
                }
                case '*' -> r.append("[\\w'-]*");
                case '#' -> r.append("\\d+(?:\\.\\d+)?");
                case '_' -> r.append("(?:\\S+\\s+){0,4}?");
                case '(' -> r.append("(?:"); // no capture: a matcher's cost grows with its groups
                case ')', '|' -> r.append(c);
                case '?' -> r.append(i > 0 && t.charAt(i - 1) == ')' ? "?" : "\\?");
                case '=' -> {
                    int j = i + 1;
                    while (j < t.length() && " *#_()|?".indexOf(t.charAt(j)) < 0) {
                        j++;
                    }
                    r.append("(?-i:").append(Pattern.quote(t.substring(i + 1, j))).append(')');
                    i = j - 1;
                }
                default -> r.append(Character.isLetterOrDigit(c) ? String.valueOf(c) : Pattern.quote(String.valueOf(c)));
            }
            i++;
        }
        // "_" already ends in whitespace: "tender* _ facet*" must not need a second run of it
        String s = r.toString().replace("\\s+(?:\\S+\\s+){0,4}?\\s+", "\\s+(?:\\S+\\s+){0,4}?");
        char last = t.charAt(t.length() - 1);
        if (Character.isLetterOrDigit(last) || last == '*' || last == ')' || last == '#') {
            s = s + "(?![\\w])";
        }
        return s;
    }
}
