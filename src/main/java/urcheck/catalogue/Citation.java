package urcheck.catalogue;

import java.util.Map;
import java.util.Objects;
import org.kie.api.definition.rule.Rule;

/** Where a criterion comes from, as its rule's metadata states it. */
public record Citation(String guideline, String chapter, String section, String locator, String edition) {

    public static final String[] KEYS = {"guideline", "chapter", "section", "locator", "edition"};

    public static Citation of(Rule rule) {
        Map<String, Object> m = rule.getMetaData();
        return new Citation(str(m, "guideline"), str(m, "chapter"), str(m, "section"),
                str(m, "locator"), str(m, "edition"));
    }

    private static String str(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? null : v.toString();
    }

    public boolean complete() {
        return guideline != null && chapter != null && section != null && locator != null && edition != null;
    }

    /** One line, e.g. "ODG, Low Back, Facet joint diagnostic blocks (injections), criterion 2 [WLDI 2008-2017]". */
    public String text() {
        StringBuilder s = new StringBuilder(Objects.toString(guideline, "?"));
        for (String part : new String[] {chapter, section, locator}) {
            if (part != null && !part.isBlank()) {
                s.append(", ").append(part);
            }
        }
        if (edition != null) {
            s.append(" [").append(edition).append("]");
        }
        return s.toString();
    }

    /**
     * The short form for a printed report: guideline, section and the place in it ("ODG, Facet joint
     * diagnostic blocks (injections), criterion 2"); the chapter and edition stay in the full text.
     */
    public String shortText() {
        StringBuilder s = new StringBuilder(Objects.toString(guideline, "?"));
        for (String part : new String[] {section, locator}) {
            if (part != null && !part.isBlank()) {
                s.append(", ").append(part);
            }
        }
        return s.toString();
    }
}
