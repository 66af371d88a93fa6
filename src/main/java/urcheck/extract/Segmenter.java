package urcheck.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a record into sentences and assigns each its section. Notes are written in lines and
 * headings; review decisions and PDF text often come "double spaced" (a blank line after every wrapped
 * line), where a blank line says nothing: the segmenter tells the two apart by how many of the line breaks
 * are blank lines.
 */
final class Segmenter {

    private static final Set<String> ABBREVIATIONS = Set.of("dr", "mr", "mrs", "ms", "vs", "e.g", "i.e", "approx",
            "etc", "no", "st", "jr", "sr", "fig", "inc", "dept", "u.s");
    private static final Pattern BULLET = Pattern.compile("\\n[ \\t]*(?:[-\\u2022*\\u25CF]|\\d{1,2}[.)])[ \\t]+");
    private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t\\u00A0]*\\n");

    private final Lexicon lexicon;

    Segmenter(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    List<Sentence> split(String text) {
        TreeSet<Integer> cuts = new TreeSet<>();
        cuts.add(0);
        cuts.add(text.length());
        boolean doubleSpaced = doubleSpaced(text);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && endsSentence(text, i)) {
                cuts.add(i + 1);
            } else if (c == ':' && i + 1 < text.length() && Character.isWhitespace(text.charAt(i + 1))) {
                int next = nextNonSpace(text, i + 1);
                boolean lineBreak = text.substring(i + 1, next).contains("\n");
                if (next < text.length() && (lineBreak || Character.isUpperCase(text.charAt(next)))
                        && !decisionWordAt(text, next)) {
                    cuts.add(i + 1);
                }
            }
        }
        for (Span d : lexicon.decisionWords.find(text, 0, text.length())) {
            int before = prevNonSpace(text, d.start());
            if (before >= 0 && text.charAt(before) == ':') {
                cuts.add(d.end());
            }
        }
        Matcher b = BULLET.matcher(text);
        while (b.find()) {
            cuts.add(b.start() + 1);
        }
        if (!doubleSpaced) {
            Matcher m = BLANK_LINE.matcher(text);
            while (m.find()) {
                cuts.add(m.start());
            }
        }
        lineCuts(text, cuts, doubleSpaced);

        List<Sentence> out = new ArrayList<>();
        Section section = Section.NONE;
        Integer prev = null;
        for (int cut : cuts) {
            if (prev != null) {
                int s = prev;
                int e = cut;
                while (s < e && Character.isWhitespace(text.charAt(s))) {
                    s++;
                }
                while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
                    e--;
                }
                if (e > s && hasLetterOrDigit(text, s, e)) {
                    String words = text.substring(s, e).replaceAll("\\s+", " ");
                    Section named = heading(words);
                    boolean disputed = isDisputedItem(text, s, e);
                    if (named != null) {
                        section = named;
                    } else if (disputed) {
                        section = Section.DISPUTED_ITEMS;
                    }
                    out.add(new Sentence(out.size(), s, e, section, named != null && isWholeHeading(words), disputed));
                }
            }
            prev = cut;
        }
        return out;
    }

    /** Line-level cuts: a line that is a heading stands alone; in a note, a short line ends where it ends. */
    private void lineCuts(String text, TreeSet<Integer> cuts, boolean doubleSpaced) {
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            String line = text.substring(lineStart, lineEnd).strip();
            if (!line.isEmpty()) {
                String words = line.replaceAll("\\s+", " ");
                if (isWholeHeading(words) && heading(words) != null) {
                    cuts.add(lineStart);
                    cuts.add(lineEnd);
                } else if (!doubleSpaced && line.length() < 70 && lineEnd < text.length()) {
                    int next = nextNonSpace(text, lineEnd);
                    char last = line.charAt(line.length() - 1);
                    if (next < text.length() && last != ',' && last != '(' && last != '-' && last != '/'
                            && (Character.isUpperCase(text.charAt(next)) || Character.isDigit(text.charAt(next)))) {
                        cuts.add(lineEnd);
                    }
                }
            }
            lineStart = lineEnd + 1;
        }
    }

    /** The section a heading names ("Plan:", "PHYSICAL EXAM", "Decision rationale: The..."), or null. */
    Section heading(String words) {
        String w = words.strip();
        String name = null;
        if (isWholeHeading(w)) {
            name = w.endsWith(":") ? w.substring(0, w.length() - 1).strip() : w;
        } else {
            int colon = w.indexOf(':');
            if (colon > 0 && colon <= 45) {
                name = w.substring(0, colon).strip();
            }
        }
        if (name == null || name.isEmpty()) {
            return null;
        }
        for (var e : lexicon.sections.entrySet()) {
            if (e.getValue().isWhole(name)) {
                return e.getKey();
            }
        }
        return null;
    }

    /** "Plan:" or "PHYSICAL EXAM": a line that is only a heading, not "Plan: start PT." */
    private static boolean isWholeHeading(String w) {
        if (w.length() > 60) {
            return false;
        }
        int colon = w.indexOf(':');
        if (colon >= 0) {
            return colon == w.length() - 1;
        }
        return !w.endsWith(".") && !w.endsWith("!") && !w.endsWith("?");
    }

    private boolean isDisputedItem(String text, int s, int e) {
        for (Span d : lexicon.decisionWords.find(text, s, e)) {
            if (d.end() == e) {
                int before = prevNonSpace(text, d.start());
                return before > s && text.charAt(before) == ':';
            }
        }
        return false;
    }

    private boolean decisionWordAt(String text, int at) {
        for (Span d : lexicon.decisionWords.find(text, at, Math.min(text.length(), at + 20))) {
            if (d.start() == at) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsSentence(String text, int i) {
        if (i + 1 >= text.length()) {
            return true;
        }
        if (!Character.isWhitespace(text.charAt(i + 1)) && text.charAt(i + 1) != '"' && text.charAt(i + 1) != ')') {
            return false;
        }
        int next = nextNonSpace(text, i + 1);
        if (next >= text.length()) {
            return true;
        }
        char n = text.charAt(next);
        if (!(Character.isUpperCase(n) || Character.isDigit(n) || n == '-' || n == '"' || n == '\u2022' || n == '(')) {
            return false;
        }
        if (text.charAt(i) == '.') {
            int w = i - 1;
            while (w >= 0 && (Character.isLetter(text.charAt(w)) || text.charAt(w) == '.')) {
                w--;
            }
            return !ABBREVIATIONS.contains(text.substring(w + 1, i).toLowerCase());
        }
        return true;
    }

    static boolean doubleSpaced(String text) {
        int breaks = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                breaks++;
            }
        }
        if (breaks < 6) {
            return false;
        }
        int blanks = 0;
        Matcher m = BLANK_LINE.matcher(text);
        int from = 0;
        while (m.find(from)) {
            blanks++;
            from = m.end() - 1;
        }
        return blanks * 100 >= breaks * 35;
    }

    private static boolean hasLetterOrDigit(String text, int s, int e) {
        for (int i = s; i < e; i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    static int nextNonSpace(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    static int prevNonSpace(String text, int i) {
        i--;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        return i;
    }
}
