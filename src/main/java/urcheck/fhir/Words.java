package urcheck.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/**
 * The words of a record: concept texts and displays, notes. The mapping reads words where codes do not
 * say enough (which facet injection, what a procedure did); README lists every phrase it looks for.
 */
final class Words {

    private Words() {
    }

    /** A concept's text and its codings' displays. CPT displays can be left out: they are generic. */
    static List<String> of(CodeableConcept cc, boolean cptDisplays) {
        List<String> out = new ArrayList<>();
        if (cc == null) {
            return out;
        }
        if (cc.hasText()) {
            out.add(cc.getText());
        }
        for (Coding c : cc.getCoding()) {
            if (c.hasDisplay() && (cptDisplays || !Codes.isSystem(c, Codes.CPT)) && !out.contains(c.getDisplay())) {
                out.add(c.getDisplay());
            }
        }
        return out;
    }

    static List<String> of(List<CodeableConcept> concepts, boolean cptDisplays) {
        List<String> out = new ArrayList<>();
        for (CodeableConcept cc : concepts) {
            out.addAll(of(cc, cptDisplays));
        }
        return out;
    }

    static List<String> notes(List<Annotation> notes) {
        List<String> out = new ArrayList<>();
        for (Annotation a : notes) {
            if (a.hasText()) {
                out.add(a.getText());
            }
        }
        return out;
    }

    /** How a concept reads to a person: its text, else its first display, else its first code. */
    static String label(CodeableConcept cc) {
        if (cc == null) {
            return null;
        }
        if (cc.hasText()) {
            return cc.getText();
        }
        for (Coding c : cc.getCoding()) {
            if (c.hasDisplay()) {
                return c.getDisplay();
            }
        }
        for (Coding c : cc.getCoding()) {
            if (c.hasCode()) {
                return c.getCode();
            }
        }
        return null;
    }

    static String lower(List<String> texts) {
        return String.join(" | ", texts).toLowerCase(Locale.ROOT);
    }

    private static final Pattern NEGATED = words("\\b(?:without|no|not|negative for|denies|denied|absence of|free of)\\b[^,.;:|()]*");

    /** The text without its negated phrases ("spondylosis without myelopathy or radiculopathy" -> "spondylosis "). */
    static String affirmed(String lowerText) {
        return lowerText == null ? null : NEGATED.matcher(lowerText).replaceAll(" ");
    }

    static boolean find(String lowerText, Pattern p) {
        return lowerText != null && p.matcher(lowerText).find();
    }

    static Pattern words(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    }

    // ----- what a treatment did -------------------------------------------------------------------

    private static final Pattern FAILED = words("fail|\\bnot?\\b(?:\\s+\\w+){0,3}\\s+(?:improvement|relief|benefit|better|help)|"
            + "without (?:\\w+ )?(?:improvement|relief|benefit)|did not help|didn't help|ineffective|not effective|"
            + "unsuccessful|not helpful|only short[- ]term|minimal (?:relief|improvement)");
    private static final Pattern HELPED = words("helped|improved|improvement|relief|reduced|decreased|effective|"
            + "successful|benefit|better");

    /** "failed", "helped", or null when the words say neither. Failure phrases win: they contain "improvement". */
    static String outcome(String lowerText) {
        if (find(lowerText, FAILED)) {
            return "failed";
        }
        if (find(lowerText, HELPED)) {
            return "helped";
        }
        return null;
    }

    // ----- the body -------------------------------------------------------------------------------

    private static final Pattern CERVICAL = words("cervical|\\bneck\\b|c-spine");
    private static final Pattern THORACIC = words("thoracic|t-spine|mid[- ]back");
    private static final Pattern LUMBAR = words("lumbar|lumbosacral|low back|lower back|sacral|l-spine");

    /** The spinal region the words name, when they name exactly one. */
    static String region(String lowerText) {
        boolean c = find(lowerText, CERVICAL);
        boolean t = find(lowerText, THORACIC);
        boolean l = find(lowerText, LUMBAR);
        if (c && !t && !l) {
            return "cervical";
        }
        if (t && !c && !l) {
            return "thoracic";
        }
        if (l && !c && !t) {
            return "lumbar";
        }
        return null;
    }

    private static final Pattern BILATERAL = words("bilateral|both sides|\\bb/l\\b|\\bbilat\\b");
    private static final Pattern LEFT = words("\\bleft\\b|\\blt\\b");
    private static final Pattern RIGHT = words("\\bright\\b|\\brt\\b");

    static String laterality(String lowerText) {
        if (find(lowerText, BILATERAL)) {
            return "bilateral";
        }
        boolean left = find(lowerText, LEFT);
        boolean right = find(lowerText, RIGHT);
        if (left && right) {
            return "bilateral";
        }
        return left ? "left" : right ? "right" : null;
    }
}
