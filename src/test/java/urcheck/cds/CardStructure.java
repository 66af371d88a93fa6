package urcheck.cds;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a CDS Hooks 2.0 response must look like (cards: summary under 140 characters, indicator info,
 * warning or critical, source with a label, links with label, url and type absolute or smart;
 * systemActions: type create, update or delete, a resource) and what Da Vinci CRD's coverage-information
 * extension requires (coverage, covered, date, coverage-assertion-id; no pa-needed when not-covered;
 * info-needed exactly when something is conditional). Returns every violation.
 */
final class CardStructure {

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private CardStructure() {
    }

    static List<String> violations(JsonNode response) {
        List<String> v = new ArrayList<>();
        if (!response.isObject() || !response.has("cards") || !response.get("cards").isArray()) {
            v.add("a response has a cards array");
            return v;
        }
        for (int i = 0; i < response.get("cards").size(); i++) {
            card(response.get("cards").get(i), "cards[" + i + "]", v);
        }
        JsonNode actions = response.get("systemActions");
        if (actions != null) {
            if (!actions.isArray()) {
                v.add("systemActions is an array");
                return v;
            }
            for (int i = 0; i < actions.size(); i++) {
                action(actions.get(i), "systemActions[" + i + "]", v);
            }
        }
        return v;
    }

    private static void card(JsonNode c, String at, List<String> v) {
        String summary = c.path("summary").asText(null);
        if (summary == null || summary.isBlank()) {
            v.add(at + ".summary is required");
        } else if (summary.length() >= 140) {
            v.add(at + ".summary is " + summary.length() + " characters; it must be under 140");
        }
        if (!Set.of("info", "warning", "critical").contains(c.path("indicator").asText())) {
            v.add(at + ".indicator must be info, warning or critical");
        }
        if (c.path("source").path("label").asText("").isBlank()) {
            v.add(at + ".source.label is required");
        }
        if (c.has("uuid") && !UUID.matcher(c.get("uuid").asText()).matches()) {
            v.add(at + ".uuid is not a UUID");
        }
        if (c.has("detail") && !c.get("detail").isTextual()) {
            v.add(at + ".detail is a (markdown) string");
        }
        if (c.has("suggestions") && !c.has("selectionBehavior")) {
            v.add(at + ".selectionBehavior is required with suggestions");
        }
        for (JsonNode l : c.path("links")) {
            if (l.path("label").asText("").isBlank() || !l.path("url").asText("").startsWith("http")
                    || !Set.of("absolute", "smart").contains(l.path("type").asText())) {
                v.add(at + ".links: each needs a label, an absolute url and type absolute or smart");
            }
        }
    }

    private static void action(JsonNode a, String at, List<String> v) {
        if (!Set.of("create", "update", "delete").contains(a.path("type").asText())) {
            v.add(at + ".type must be create, update or delete");
        }
        if (a.path("description").asText("").isBlank()) {
            v.add(at + ".description is required");
        }
        JsonNode r = a.path("resource");
        if (!"ServiceRequest".equals(r.path("resourceType").asText()) || r.path("id").asText("").isEmpty()) {
            v.add(at + ".resource is the draft ServiceRequest, with its id");
            return;
        }
        JsonNode info = null;
        for (JsonNode e : r.path("extension")) {
            if (CoverageInformation.URL.equals(e.path("url").asText())) {
                info = e;
            }
        }
        if (info == null) {
            v.add(at + ".resource carries the coverage-information extension");
            return;
        }
        List<String> names = new ArrayList<>();
        String covered = null;
        boolean conditional = false;
        for (JsonNode e : info.path("extension")) {
            String url = e.path("url").asText();
            names.add(url);
            if (Set.of("covered", "pa-needed", "doc-needed").contains(url) && "conditional".equals(e.path("valueCode").asText())) {
                conditional = true;
            }
            if ("covered".equals(url)) {
                covered = e.path("valueCode").asText();
            }
        }
        for (String required : List.of("coverage", "covered", "date", "coverage-assertion-id")) {
            if (names.stream().filter(required::equals).count() != 1) {
                v.add(at + ": coverage-information needs exactly one " + required);
            }
        }
        if (!Set.of("covered", "not-covered", "conditional").contains(covered)) {
            v.add(at + ": covered must be covered, not-covered or conditional");
        }
        if ("not-covered".equals(covered) && names.contains("pa-needed")) {
            v.add(at + ": no pa-needed when not-covered (crd-ci-q2)");
        }
        if (conditional != names.contains("info-needed")) {
            v.add(at + ": info-needed exactly when something is conditional (crd-ci-q3)");
        }
    }
}
