package urcheck.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The answer as a person reads it in a terminal or a printout, at most {@link #WIDTH} columns. Summary
 * first: one line per item saying the outcome and what decides it, primary procedures before the
 * services that follow them, so a nurse scanning a queue sees the answer without scrolling. Then the
 * details: concise by default (what decided, the next step, each criterion's finding with a short
 * citation), or with {@code detail} everything the JSON answer holds (facts, full citations, rationale).
 */
public final class TextReport {

    public static final int WIDTH = 100;

    private final boolean detail;
    private final Function<String, String> shortCitation;

    /**
     * @param shortCitation a criterion id's short citation (the full one stays in the JSON answer); null
     *                      prints the full citation
     */
    public TextReport(boolean detail, Function<String, String> shortCitation) {
        this.detail = detail;
        this.shortCitation = shortCitation;
    }

    /** The full report (every detail, full citations): what {@code check --detail} prints. */
    public static String render(CaseAnswer a, String source) {
        return new TextReport(true, null).report(a, source);
    }

    public String report(CaseAnswer a, String source) {
        StringBuilder s = new StringBuilder();
        s.append(fit("Case " + a.caseId() + " · " + a.jurisdiction().toLowerCase() + " · ODG edition " + a.odgEdition()
                + " · urcheck " + a.urcheckVersion())).append('\n');
        for (ItemAnswer i : ItemSummary.primariesFirst(a.items())) {
            summaryLine(s, ItemSummary.line(i));
        }
        if (a.reviewerFlags() != null) {
            s.append("  Reviewer flags: ").append(a.reviewerFlags().size()).append(" (listed at the end)\n");
        }
        wrap(s, "  File: ", source);
        if (a.knowledgeBase() != null) {
            // Which rules decided: the id at a glance, the full hash with --verbose (and always in the JSON).
            wrap(s, "  Knowledge base: ", a.knowledgeBase().id()
                    + (detail ? " (sha256 " + a.knowledgeBase().sha256() + ")" : ""));
        }
        Map<String, ItemAnswer> byId = a.items().stream().collect(Collectors.toMap(ItemAnswer::id, i -> i));
        boolean lastWasFollower = false;
        for (ItemAnswer i : a.items()) {
            ItemAnswer primary = i.primaryItem() == null ? null : byId.get(i.primaryItem());
            boolean follower = !detail && ItemSummary.follows(i, primary);
            if (!follower || !lastWasFollower) {
                s.append('\n');
            }
            if (follower) {
                s.append(fit("Item " + i.id() + ": " + ItemSummary.name(i) + " — follows item "
                        + primary.id() + " (" + primary.outcomeLabel().toLowerCase() + ")")).append('\n');
            } else {
                item(s, i);
            }
            lastWasFollower = follower;
        }
        if (a.reviewerFlags() != null) {
            s.append("\nReviewer flags (facts the record raises without establishing them):\n");
            a.reviewerFlags().forEach(f -> wrap(s, "  - ", f));
        }
        return printable(s.toString());
    }

    private void item(StringBuilder s, ItemAnswer i) {
        wrap(s, "", "Item " + i.id() + ": " + ItemSummary.name(i));
        if (i.levels() != null) {
            wrap(s, "  Levels:      ", i.levels().readAs() + (i.levels().ambiguous() ? "  [AMBIGUOUS]" : ""));
        }
        s.append("  Outcome:     ").append(i.outcomeLabel()).append('\n');
        if (i.decidedBy() != null) {
            for (ItemAnswer.DecidingCriterion c : i.decidedBy()) {
                wrap(s, "    - ", c.document() == null
                        ? c.id() + " not met: " + c.finding()
                        : c.id() + ": document " + lowerFirst(c.document()));
            }
        }
        if (i.workflow() != null) {
            wrap(s, "  Next step:   ", ItemSummary.action(i.workflow().action()) + ". " + String.join(" ", i.workflow().reasons()));
        }
        if (i.imrPrediction() != null) {
            wrap(s, "  If appealed: ", "a denial would likely be " + i.imrPrediction().toLowerCase()
                    + (detail && i.imrPredictionBasis() != null ? ". " + i.imrPredictionBasis() : "")
                    + (detail ? " Determination on the record as it stands: " + i.determination().replace('_', ' ').toLowerCase() + "." : ""));
        }
        if (i.guideline() != null) {
            ItemAnswer.GuidelineAnswer g = i.guideline();
            wrap(s, "  Guideline:   ", (g.source() == null ? "" : g.source() + ", ")
                    + (detail ? g.chapter() + ", " : "") + g.section());
            if (detail) {
                wrap(s, "  Why:         ", g.why());
            }
        }
        if (!i.criteria().isEmpty()) {
            s.append("  Criteria:\n");
            for (ItemAnswer.CriterionAnswer c : i.criteria()) {
                criterion(s, c);
            }
        }
        if (detail) {
            wrap(s, "  Rationale:   ", i.rationale());
        }
        if (!i.documentationNeeded().isEmpty() && "INFORMATION_NEEDED".equals(i.outcome())) {
            s.append("  To document:\n");
            i.documentationNeeded().forEach(d -> wrap(s, "    - ", d));
        } else if (!i.documentationNeeded().isEmpty() && detail) {
            // After a stop, documentation does not change the outcome: say so rather than ask for it.
            s.append("  Also not documented (would not change the outcome):\n");
            i.documentationNeeded().forEach(d -> wrap(s, "    - ", d));
        }
    }

    private void criterion(StringBuilder s, ItemAnswer.CriterionAnswer c) {
        String tag = String.format("    %-17s", "[" + c.status().replace('_', ' ') + "]");
        wrap(s, tag, c.id() + ": " + c.text());
        String indent = " ".repeat(tag.length());
        if ("NOT_APPLICABLE".equals(c.status()) && !detail) {
            return;
        }
        wrap(s, indent + "Finding: ", c.finding());
        if (detail) {
            for (String f : c.facts()) {
                wrap(s, indent + "Fact:    ", f);
            }
        }
        String cite = shortCitation == null ? c.citation() : shortCitation.apply(c.id());
        wrap(s, indent + "Source:  ", cite);
    }

    /** The queue summary after several cases: counts per outcome, then the items to act on first. */
    public static String queue(List<CaseAnswer> answers) {
        StringBuilder s = new StringBuilder();
        List<ItemAnswer> all = new ArrayList<>();
        answers.forEach(a -> all.addAll(a.items()));
        s.append("Queue: ").append(answers.size()).append(" cases, ").append(all.size()).append(" items: ")
                .append(ItemSummary.counts(all)).append('\n');
        for (String action : ItemSummary.ACTION_ORDER) {
            List<String> lines = new ArrayList<>();
            for (CaseAnswer a : answers) {
                Map<String, ItemAnswer> byId = a.items().stream().collect(Collectors.toMap(ItemAnswer::id, i -> i));
                for (ItemAnswer i : a.items()) {
                    ItemAnswer primary = i.primaryItem() == null ? null : byId.get(i.primaryItem());
                    if (i.workflow() != null && action.equals(i.workflow().action()) && !ItemSummary.follows(i, primary)) {
                        lines.add(fit("  " + a.caseId() + " · " + ItemSummary.line(i)));
                    }
                }
            }
            if (!lines.isEmpty()) {
                s.append(ItemSummary.actionHeading(action)).append(" (").append(lines.size()).append("):\n");
                lines.forEach(l -> s.append(l).append('\n'));
            }
        }
        return printable(s.toString());
    }

    /** A summary line: at most two lines at the report width, so that every item's line is on the first screen. */
    private static void summaryLine(StringBuilder s, String text) {
        StringBuilder one = new StringBuilder();
        wrap(one, "  ", text);
        String[] lines = one.toString().split("\n");
        if (lines.length <= 2) {
            s.append(one);
        } else {
            s.append(lines[0]).append('\n').append(fit(lines[1] + " " + lines[2].strip() + " …")).append('\n');
        }
    }

    /** Cuts a line at the report width, marking the cut. */
    static String fit(String line) {
        return line.length() <= WIDTH ? line : line.substring(0, WIDTH - 1) + "…";
    }

    /** Wraps text at the report width, indenting continuation lines under the first. */
    static void wrap(StringBuilder s, String lead, String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        String indent = " ".repeat(lead.length());
        StringBuilder line = new StringBuilder(lead);
        for (String word : text.split(" ")) {
            if (line.length() + word.length() + 1 > WIDTH && line.length() > lead.length()) {
                s.append(line.toString().stripTrailing()).append('\n');
                line = new StringBuilder(indent);
            }
            // A word longer than a line (a URL, a long path) is cut: no line passes the width.
            while (line.length() + word.length() > WIDTH) {
                int room = Math.max(1, WIDTH - line.length());
                line.append(word, 0, room);
                s.append(line).append('\n');
                line = new StringBuilder(indent);
                word = word.substring(room);
            }
            line.append(word).append(' ');
        }
        s.append(line.toString().stripTrailing()).append('\n');
    }

    /**
     * The text with control characters shown, not obeyed: a case file's words may hold terminal escape
     * sequences (ESC [ ... ), which reached the terminal raw. Line breaks and tabs stay; every other C0 or C1
     * control and DEL is written as \\u001b and the like.
     */
    public static String printable(String text) {
        StringBuilder out = null;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            boolean control = (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f);
            if (control && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, k);
            }
            if (out != null) {
                if (control) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    private static String lowerFirst(String s) {
        if (s.length() < 2 || Character.isUpperCase(s.charAt(1))) {
            return s;
        }
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
