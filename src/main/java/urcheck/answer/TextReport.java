package urcheck.answer;

import java.util.List;

/** The answer as a person reads it in a terminal or a printout. */
public final class TextReport {

    private static final int WIDTH = 100;

    private TextReport() {
    }

    public static String render(CaseAnswer a, String source) {
        StringBuilder s = new StringBuilder();
        s.append("Case ").append(a.caseId()).append("  (").append(source).append(")\n");
        s.append("Jurisdiction: ").append(a.jurisdiction().toLowerCase()).append("   ODG edition: ").append(a.odgEdition())
                .append("   urcheck ").append(a.urcheckVersion()).append('\n');
        if (a.knowledgeBase() != null) {
            s.append("Knowledge base: ").append(a.knowledgeBase().id()).append(" (sha256 ").append(a.knowledgeBase().sha256())
                    .append(")\n");
        }
        for (ItemAnswer i : a.items()) {
            s.append('\n').append("Item ").append(i.id()).append(": ")
                    .append(i.request() == null ? i.service().toLowerCase().replace('_', ' ') : i.request()).append('\n');
            if (i.levels() != null) {
                s.append("  Levels:         ").append(i.levels().readAs())
                        .append(i.levels().ambiguous() ? "  [AMBIGUOUS]" : "").append('\n');
            }
            s.append("  Outcome:        ").append(i.outcomeLabel().toUpperCase()).append('\n');
            if (i.decidedBy() != null) {
                for (ItemAnswer.DecidingCriterion c : i.decidedBy()) {
                    wrap(s, "                  - ", c.id() + " " + c.status().replace('_', ' ').toLowerCase() + ": "
                            + (c.document() == null ? c.finding() : "document " + c.document()));
                }
            }
            s.append("  Determination:  ").append(i.determination().replace('_', ' '));
            if (i.imrPrediction() != null) {
                s.append("   (likely IMR outcome if denied and appealed: ").append(i.imrPrediction()).append(')');
            }
            s.append('\n');
            if (i.workflow() != null) {
                s.append("  Next step:      ").append(i.workflow().action().replace('_', ' ').toLowerCase()).append('\n');
                for (String r : i.workflow().reasons()) {
                    wrap(s, "                  - ", r);
                }
            }
            if (i.guideline() != null) {
                ItemAnswer.GuidelineAnswer g = i.guideline();
                s.append("  Guideline:      ").append(g.source() == null ? "" : g.source() + ", ").append(g.chapter())
                        .append(", ").append(g.section()).append('\n');
                wrap(s, "  Why:            ", g.why());
            }
            if (!i.criteria().isEmpty()) {
                s.append("  Criteria:\n");
                for (ItemAnswer.CriterionAnswer c : i.criteria()) {
                    String tag = "[" + c.status().replace('_', ' ') + "]";
                    s.append("    ").append(String.format("%-17s", tag)).append(c.id()).append(": ").append(c.text()).append('\n');
                    wrap(s, "        Finding:  ", c.finding());
                    for (String f : c.facts()) {
                        wrap(s, "        Fact:     ", f);
                    }
                    wrap(s, "        Source:   ", c.citation());
                }
            }
            wrap(s, "  Rationale:      ", i.rationale());
            if (!i.documentationNeeded().isEmpty()) {
                s.append("  To document:\n");
                for (String d : i.documentationNeeded()) {
                    wrap(s, "    - ", d);
                }
            }
        }
        return printable(s.toString());
    }

    /** Wraps text at the report width, indenting continuation lines under the first. */
    private static void wrap(StringBuilder s, String lead, String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        String indent = " ".repeat(lead.length());
        StringBuilder line = new StringBuilder(lead);
        for (String word : List.of(text.split(" "))) {
            if (line.length() + word.length() + 1 > WIDTH && line.length() > lead.length()) {
                s.append(line.toString().stripTrailing()).append('\n');
                line = new StringBuilder(indent);
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
}
