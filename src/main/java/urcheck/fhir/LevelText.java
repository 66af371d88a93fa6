package urcheck.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the spinal levels in the words of an order or a record ("Bilateral L4-5, L5-S1 facet joint
 * injection" -> "L4-5, L5-S1"), keeping them as written for the case file, whose level reader
 * ({@link urcheck.levels.LevelParser}) then says which joints they name. A nerve phrase next to the
 * levels ("L3-5 medial branches") is kept: it changes which joints a range names. A chain ("C3-4-5-6") is
 * kept whole (issue 13: it used to be cut to its first joint).
 */
final class LevelText {

    private static final Pattern TOKEN = Pattern.compile(
            "\\b[CTLS]\\s?\\d{1,2}(?:\\s*(?:-|/|\\u2013|(?i:to|through))\\s*(?:[CTLS]\\s?)?\\d{1,2})*\\b");
    /** What may stand between two level tokens of one list. */
    private static final Pattern SEPARATOR = Pattern.compile("[\\s,;&+]*(?:and|&)?[\\s,;&+]*", Pattern.CASE_INSENSITIVE);
    private static final Pattern NERVES_AFTER = Pattern.compile(
            "^\\s*(?:medial[- ]branch(?:es)?(?: nerves?)?|nerves?|dorsal rami|dorsal ramus|mbb)", Pattern.CASE_INSENSITIVE);

    private static final Pattern PAIR = Pattern.compile("([CTLS])\\s?(\\d{1,2})\\s*(?:-|/|\\u2013|(?i:to|through))\\s*([CTLS])?\\s?(\\d{1,2})");

    private LevelText() {
    }

    /**
     * Whether levels could be read as nerves: a lone segment ("C2, C3") or a range over more than one
     * joint ("L3-5"). Plain joints ("L4-5, L5-S1") name joints whatever words follow.
     */
    private static boolean namesNerves(String levels) {
        Matcher t = TOKEN.matcher(levels);
        while (t.find()) {
            Matcher pair = PAIR.matcher(t.group());
            if (!pair.matches()) {
                return true;
            }
            boolean sameLetter = pair.group(3) == null || pair.group(3).equals(pair.group(1));
            if (sameLetter && Integer.parseInt(pair.group(4)) - Integer.parseInt(pair.group(2)) > 1) {
                return true;
            }
        }
        return false;
    }

    /** The levels in the text as written, or null when it names none. */
    static String find(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = TOKEN.matcher(text);
        List<int[]> runs = new ArrayList<>();
        int[] run = null;
        while (m.find()) {
            if (run != null && SEPARATOR.matcher(text.substring(run[1], m.start())).matches()) {
                run[1] = m.end();
            } else {
                run = new int[] {m.start(), m.end()};
                runs.add(run);
            }
        }
        if (runs.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (int[] r : runs) {
            String levels = text.substring(r[0], r[1]);
            Matcher nerves = NERVES_AFTER.matcher(text.substring(r[1]));
            if (namesNerves(levels) && nerves.find()) {
                levels = text.substring(r[0], r[1] + nerves.end());
            }
            parts.add(levels.trim());
        }
        return String.join(", ", parts);
    }
}
