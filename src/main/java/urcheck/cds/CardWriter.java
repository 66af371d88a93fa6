package urcheck.cds;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import urcheck.answer.CaseAnswer;
import urcheck.answer.ItemAnswer;

/**
 * One CDS Hooks card per checked order: a summary under 140 characters ("Lumbar medial branch block
 * L4-5, L5-S1: criteria met"), indicator info when criteria are met and warning otherwise, a markdown
 * detail with the criteria table and what to document, the governing guideline as the source, and
 * urcheck's answer for the item under the card's extension.
 */
final class CardWriter {

    static final int MAX_SUMMARY = 139;
    static final String CRD_TEMP = "http://hl7.org/fhir/us/davinci-crd/CodeSystem/temp";
    static final String EXTENSION_KEY = "dev.urcheck.item";

    private final CaseAnswer answer;
    private final Map<String, ItemAnswer> byId;
    private final String hookInstance;
    private final List<String> notFetched;

    CardWriter(CaseAnswer answer, Map<String, ItemAnswer> byId, String hookInstance, List<String> notFetched) {
        this.answer = answer;
        this.byId = byId;
        this.hookInstance = hookInstance;
        this.notFetched = notFetched;
    }

    /** A stable id for what urcheck says about one order in one hook call: same call, same id. */
    static String uuid(String hookInstance, String itemId) {
        return UUID.nameUUIDFromBytes((hookInstance + "|" + itemId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    ObjectNode card(ItemAnswer item, String orderReference) {
        ObjectNode card = JsonNodeFactory.instance.objectNode();
        card.put("uuid", uuid(hookInstance, item.id()));
        card.put("summary", summary(item));
        card.put("indicator", "MEDICALLY_NECESSARY".equals(item.determination()) ? "info" : "warning");
        card.put("detail", detail(item));
        ObjectNode source = card.putObject("source");
        source.put("label", sourceLabel(item));
        ObjectNode topic = source.putObject("topic");
        topic.put("system", CRD_TEMP);
        topic.put("code", "guideline");
        topic.put("display", "Guideline");
        if ("CALIFORNIA".equals(answer.jurisdiction())) {
            ArrayNode links = card.putArray("links");
            links.addObject().put("label", "Why this guideline: California's medical evidence search sequence (8 CCR 9792.21.1)")
                    .put("url", "https://www.dir.ca.gov/t8/9792_21_1.html").put("type", "absolute");
        }
        ObjectNode ext = card.putObject("extension").putObject(EXTENSION_KEY);
        ext.put("order", orderReference);
        ext.put("itemId", item.id());
        ext.put("service", item.service());
        ext.put("determination", item.determination());
        ext.put("imrPrediction", item.imrPrediction());
        if (item.guideline() != null) {
            ext.put("governingSection", item.guideline().sectionId());
        }
        ObjectNode criteria = ext.putObject("criteria");
        for (ItemAnswer.CriterionAnswer c : item.criteria()) {
            criteria.put(c.id(), c.status());
        }
        return card;
    }

    /** "Lumbar medial branch block L4-5, L5-S1: criteria met", cut to fit under 140 characters. */
    String summary(ItemAnswer item) {
        String outcome = outcome(item);
        String what = what(item);
        if (item.primaryItem() != null && byId.containsKey(item.primaryItem())) {
            what = what + " for " + lowerFirst(what(byId.get(item.primaryItem())));
        }
        int room = MAX_SUMMARY - outcome.length() - 2;
        if (what.length() > room) {
            what = what.substring(0, room - 1).stripTrailing() + "\u2026";
        }
        return what + ": " + outcome;
    }

    static String outcome(ItemAnswer item) {
        return switch (item.determination()) {
            case "MEDICALLY_NECESSARY" -> "criteria met";
            case "NOT_COVERED" -> "not covered by urcheck's guidelines, needs review";
            default -> item.criteria().stream().anyMatch(c -> "NOT_MET".equals(c.status()))
                    ? "criteria not met" : "documentation needed";
        };
    }

    /** The order in a few words: region, service, levels as written. */
    static String what(ItemAnswer item) {
        String service = switch (item.service()) {
            case "DIAGNOSTIC_MEDIAL_BRANCH_BLOCK" -> "medial branch block";
            case "THERAPEUTIC_FACET_INJECTION" -> "intra-articular facet injection";
            case "FACET_JOINT_INJECTION" -> "facet joint injection";
            case "FACET_RADIOFREQUENCY_NEUROTOMY" -> "radiofrequency neurotomy";
            case "MASSAGE_THERAPY" -> "massage therapy";
            case "ADDITIONAL_LEVEL" -> "additional level";
            case "IMAGING_GUIDANCE" -> "fluoroscopic guidance";
            case "IV_SEDATION" -> "IV sedation";
            default -> "order";
        };
        StringBuilder s = new StringBuilder();
        if (item.region() != null && item.primaryItem() == null) {
            s.append(item.region().toLowerCase(Locale.ROOT)).append(' ');
        }
        s.append(service);
        if (item.levels() != null) {
            s.append(' ').append(item.levels().asWritten());
        }
        if (item.visits() != null) {
            s.append(", ").append(item.visits()).append(item.visits() == 1 ? " visit" : " visits");
        }
        if (item.sessions() != null && item.sessions() > 1) {
            s.append(", series of ").append(item.sessions());
        }
        return upperFirst(s.toString());
    }

    private static String sourceLabel(ItemAnswer item) {
        ItemAnswer.GuidelineAnswer g = item.guideline();
        if (g == null) {
            return "urcheck: no guideline section it checks covers this order";
        }
        String label = (g.source() == null ? "" : g.source() + ": ") + (g.section() == null ? g.sectionId() : g.section())
                + (g.chapter() == null ? "" : " (" + g.chapter() + ")");
        return label;
    }

    private String detail(ItemAnswer item) {
        StringBuilder md = new StringBuilder();
        md.append("**").append(determinationText(item.determination())).append("**");
        if (item.guideline() != null) {
            md.append(" under ").append(sourceLabel(item));
        }
        // A not-covered item (an add-on whose primary urcheck cannot classify, say) has no IMR prediction.
        md.append(item.imrPrediction() == null ? "" : ". Likely IMR outcome if denied and appealed: "
                + item.imrPrediction().toLowerCase(Locale.ROOT)).append(".\n\n");
        if (item.guideline() != null && item.guideline().why() != null) {
            md.append("*Why this guideline:* ").append(cell(item.guideline().why())).append("\n\n");
        }
        if (!item.criteria().isEmpty()) {
            md.append("| Criterion | Status | Finding | Source |\n|---|---|---|---|\n");
            for (ItemAnswer.CriterionAnswer c : item.criteria()) {
                md.append("| ").append(cell(c.id() + ": " + c.text())).append(" | ")
                        .append(statusText(c.status())).append(" | ")
                        .append(cell(c.finding())).append(" | ")
                        .append(cell(c.citation())).append(" |\n");
            }
            md.append('\n');
        }
        if (!item.documentationNeeded().isEmpty()) {
            md.append("**Documentation needed**\n\n");
            for (String d : item.documentationNeeded()) {
                md.append("- ").append(cell(d)).append('\n');
            }
            md.append('\n');
        }
        if (!notFetched.isEmpty()) {
            md.append("*Not sent with this request, so read as not documented:* ").append(String.join("; ", notFetched)).append(".\n\n");
        }
        md.append(cell(item.rationale()));
        return md.toString().stripTrailing();
    }

    private static String determinationText(String d) {
        return switch (d) {
            case "MEDICALLY_NECESSARY" -> "Medically necessary";
            case "NOT_MEDICALLY_NECESSARY" -> "Not medically necessary";
            default -> "Not covered by the guideline sections urcheck checks";
        };
    }

    private static String statusText(String s) {
        return switch (s) {
            case "MET" -> "Met";
            case "NOT_MET" -> "**Not met**";
            case "NOT_DOCUMENTED" -> "**Not documented**";
            default -> "Not applicable";
        };
    }

    /** Text safe inside a markdown table cell or list item: one line, pipes escaped. */
    private static String cell(String s) {
        return s == null ? "" : s.replace("\\", "\\\\").replace("|", "\\|").replaceAll("\\s*\\n\\s*", " ");
    }

    private static String upperFirst(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String lowerFirst(String s) {
        return s.length() > 1 && Character.isUpperCase(s.charAt(0)) && !Character.isUpperCase(s.charAt(1))
                ? Character.toLowerCase(s.charAt(0)) + s.substring(1) : s;
    }
}
