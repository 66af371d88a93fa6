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
 * The cards for one hook call. Per checked order an Instructions card (no links, no suggestions: CRD's
 * Instructions pattern): a summary under 140 characters ("Lumbar medial branch block L4-5, L5-S1: criteria
 * met"), a markdown detail with the criteria table and what to document, the reasons a clinician may give for
 * overriding it, and urcheck's answer for the item under the card's extension. Per governing guideline section
 * an External Reference card whose links all open where the guideline is published. Which outcome a card
 * shows and its indicator are decided in {@link #verdict} alone.
 */
final class CardWriter {

    static final int MAX_SUMMARY = 139;
    static final String EXTENSION_KEY = "dev.urcheck.item";
    static final String OVERRIDE_SYSTEM = "https://urcheck.dev/CodeSystem/override-reason";

    /** Why a clinician goes ahead against a card; stored with the feedback (POST .../feedback). */
    static final List<String[]> OVERRIDE_REASONS = List.of(
            new String[] {"documented-elsewhere", "The missing documentation is in the record but was not sent"},
            new String[] {"clinical-judgment", "Clinical judgment: the guideline does not fit this patient"},
            new String[] {"will-request-review", "Ordering anyway: the request goes to utilization review"});

    /** What a card says about an order and how loud it is: the one place that decides both. */
    record Verdict(String phrase, String indicator) {
    }

    private final CaseAnswer answer;
    private final Map<String, ItemAnswer> byId;
    private final String hookInstance;
    private final List<String> notFetched;
    private final String jurisdictionNote;

    /**
     * @param jurisdictionNote said on every card when the request stated no jurisdiction ("Checked under ODG: no
     *                         jurisdiction in the request"); null when a Coverage stated it
     */
    CardWriter(CaseAnswer answer, Map<String, ItemAnswer> byId, String hookInstance, List<String> notFetched,
               String jurisdictionNote) {
        this.answer = answer;
        this.byId = byId;
        this.hookInstance = hookInstance;
        this.notFetched = notFetched;
        this.jurisdictionNote = jurisdictionNote;
    }

    /** A stable id for what urcheck says about one order in one hook call: same call, same id. */
    static String uuid(String hookInstance, String itemId) {
        return UUID.nameUUIDFromBytes((hookInstance + "|" + itemId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The card's outcome and indicator, from the item's three-way outcome; nothing else in the cards decides this. */
    static Verdict verdict(ItemAnswer item) {
        return switch (item.outcome()) {
            case "CRITERIA_MET" -> new Verdict("criteria met", "info");
            case "NOT_COVERED" -> new Verdict("not covered by urcheck's guidelines, needs review", "warning");
            case "CRITERIA_NOT_MET" -> new Verdict("criteria not met", "warning");
            default -> new Verdict("documentation needed", "warning");
        };
    }

    /** The Instructions card for one order. */
    ObjectNode card(ItemAnswer item, String orderReference) {
        ObjectNode card = JsonNodeFactory.instance.objectNode();
        card.put("uuid", uuid(hookInstance, item.id()));
        card.put("summary", summary(item));
        card.put("indicator", verdict(item).indicator());
        card.put("detail", detail(item));
        source(card, sourceLabel(item));
        ArrayNode reasons = card.putArray("overrideReasons");
        for (String[] r : OVERRIDE_REASONS) {
            reasons.addObject().put("code", r[0]).put("system", OVERRIDE_SYSTEM).put("display", r[1]);
        }
        ObjectNode ext = card.putObject("extension").putObject(EXTENSION_KEY);
        ext.put("order", orderReference);
        ext.put("knowledgeVersion", answer.knowledgeBase().id());
        ext.put("itemId", item.id());
        ext.put("service", item.service());
        ext.put("outcome", item.outcome());
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

    private static void source(ObjectNode card, String label) {
        ObjectNode source = card.putObject("source");
        source.put("label", label);
        ObjectNode topic = source.putObject("topic");
        topic.put("system", CardType.TOPIC_SYSTEM);
        topic.put("code", CardType.TOPIC_CODE);
        topic.put("display", CardType.TOPIC_DISPLAY);
    }

    /**
     * The External Reference cards: one per governing guideline section among {@code items}, in the order the
     * items come, naming the orders it applies to (CRD 2.0.1 req 140); every link is absolute (req 258-259).
     */
    List<ObjectNode> externalReferences(List<ItemAnswer> items, Map<String, String> orderReferences) {
        Map<String, List<ItemAnswer>> bySection = new java.util.LinkedHashMap<>();
        for (ItemAnswer item : items) {
            if (item.guideline() != null && GuidelineLinks.of(item.guideline().source()) != null) {
                bySection.computeIfAbsent(item.guideline().sectionId(), k -> new java.util.ArrayList<>()).add(item);
            }
        }
        List<ObjectNode> cards = new java.util.ArrayList<>();
        for (Map.Entry<String, List<ItemAnswer>> e : bySection.entrySet()) {
            ItemAnswer first = e.getValue().get(0);
            ItemAnswer.GuidelineAnswer g = first.guideline();
            ObjectNode card = JsonNodeFactory.instance.objectNode();
            card.put("uuid", uuid(hookInstance, "guideline|" + e.getKey()));
            String summary = "Guideline: " + sourceLabel(first);
            card.put("summary", summary.length() > MAX_SUMMARY ? summary.substring(0, MAX_SUMMARY - 1).stripTrailing() + "\u2026" : summary);
            card.put("indicator", "info");
            List<String> orders = e.getValue().stream().map(i -> lowerFirst(what(i)) + " (" + orderReferences.get(i.id()) + ")").toList();
            card.put("detail", "urcheck checked " + String.join("; ", orders) + " against " + cell(sourceLabel(first))
                    + (g.edition() == null ? "" : ", " + cell(g.edition())) + ". The links open where the guideline is published"
                    + ("CALIFORNIA".equals(answer.jurisdiction()) ? ", and the California rule that makes it govern." : "."));
            source(card, sourceLabel(first));
            ArrayNode links = card.putArray("links");
            for (GuidelineLinks.Link l : GuidelineLinks.of(g.source())) {
                links.addObject().put("label", l.label()).put("url", l.url()).put("type", "absolute");
            }
            if ("CALIFORNIA".equals(answer.jurisdiction())) {
                links.addObject().put("label", "Why this guideline: California's medical evidence search sequence (8 CCR 9792.21.1)")
                        .put("url", "https://www.dir.ca.gov/t8/9792_21_1.html").put("type", "absolute");
            }
            card.putObject("extension").putObject(EXTENSION_KEY).put("governingSection", e.getKey())
                    .put("knowledgeVersion", answer.knowledgeBase().id());
            cards.add(card);
        }
        return cards;
    }

    /** "Lumbar medial branch block L4-5, L5-S1: criteria met", cut to fit under 140 characters. */
    String summary(ItemAnswer item) {
        String outcome = verdict(item).phrase();
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
        if (jurisdictionNote != null) {
            md.append("*").append(jurisdictionNote).append("*\n\n");
        }
        md.append("**").append(determinationText(item.determination())).append("**");
        if (item.guideline() != null) {
            md.append(" under ").append(sourceLabel(item));
        }
        md.append(". Likely IMR outcome if denied and appealed: ").append(item.imrPrediction().toLowerCase(Locale.ROOT)).append(".\n\n");
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
