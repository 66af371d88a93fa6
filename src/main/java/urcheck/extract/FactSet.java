package urcheck.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The facts of a case file as the evaluation counts them: per fact kind ("clinical.radicularSymptoms",
 * "items.levels", "priorProcedures.reliefPercent"), the values it holds. Notes and request words are not
 * facts; an item's or procedure's attributes are keyed by its service or type, so a level read onto the
 * wrong procedure does not count.
 */
record FactSet(Map<String, List<String>> byKind) {

    static FactSet of(JsonNode c) {
        Map<String, List<String>> m = new TreeMap<>();
        put(m, "requestDate", c.path("requestDate").asText(null));
        put(m, "injuryDate", c.path("injuryDate").asText(null));
        for (JsonNode i : c.path("items")) {
            String s = i.path("service").asText();
            put(m, "items.service", s);
            for (String f : List.of("purpose", "region", "laterality", "sessions", "visits", "repeat", "stagedSides", "set")) {
                if (i.has(f) && !i.path("primaryItem").isTextual()) {
                    put(m, "items." + f, s + ":" + i.get(f).asText());
                }
            }
            if (i.has("levels")) {
                put(m, "items.levels", s + ":" + LevelText.joints(i.get("levels").asText()));
            }
            if (i.has("primaryItem")) {
                put(m, "items.primaryItem", s);
            }
        }
        Iterator<Map.Entry<String, JsonNode>> it = c.path("clinical").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("diagnoses")) {
                for (JsonNode d : e.getValue()) {
                    put(m, "clinical.diagnoses", d.has("condition") ? d.get("condition").asText() : d.path("icd10").asText());
                }
            } else {
                finding(m, "clinical." + e.getKey(), e.getValue());
            }
        }
        for (JsonNode cc : c.path("conservativeCare")) {
            String mod = cc.path("modality").asText();
            put(m, "conservativeCare.modality", mod);
            put(m, "conservativeCare.response", mod + ":" + cc.path("response").asText());
            if (cc.has("weeks")) {
                put(m, "conservativeCare.weeks", mod + ":" + cc.get("weeks").asText());
            }
            if (cc.has("visits")) {
                put(m, "conservativeCare.visits", mod + ":" + cc.get("visits").asText());
            }
            if (cc.has("functionalImprovement")) {
                put(m, "conservativeCare.functionalImprovement", mod + ":" + cc.at("/functionalImprovement/status").asText());
            }
        }
        for (JsonNode p : c.path("priorProcedures")) {
            String t = p.path("type").asText();
            put(m, "priorProcedures.type", t);
            for (String f : List.of("date", "region", "qualitativeRelief", "anesthetic")) {
                if (p.has(f)) {
                    put(m, "priorProcedures." + f, t + ":" + p.get(f).asText());
                }
            }
            if (p.has("levels")) {
                put(m, "priorProcedures.levels", t + ":" + LevelText.joints(p.get("levels").asText()));
            }
            if (p.has("reliefPercent")) {
                put(m, "priorProcedures.reliefPercent", t + ":" + p.get("reliefPercent").asDouble());
            }
            if (p.has("reliefDuration")) {
                put(m, "priorProcedures.reliefDuration", t + ":" + p.at("/reliefDuration/value").asDouble() + " "
                        + p.at("/reliefDuration/unit").asText());
            }
            Iterator<Map.Entry<String, JsonNode>> fc = p.path("functionalChange").fields();
            while (fc.hasNext()) {
                Map.Entry<String, JsonNode> e = fc.next();
                put(m, "priorProcedures.functionalChange", t + ":" + e.getKey() + ":" + e.getValue().path("status").asText());
            }
        }
        Iterator<Map.Entry<String, JsonNode>> plan = c.path("plan").fields();
        while (plan.hasNext()) {
            Map.Entry<String, JsonNode> e = plan.next();
            if (e.getValue().isObject()) {
                finding(m, "plan." + e.getKey(), e.getValue());
            } else {
                put(m, "plan." + e.getKey(), e.getValue().asText());
            }
        }
        return new FactSet(m);
    }

    private static void finding(Map<String, List<String>> m, String kind, JsonNode f) {
        String status = f.path("status").asText();
        if (!status.equals("not_documented")) {
            put(m, kind, status);
        }
    }

    private static void put(Map<String, List<String>> m, String kind, String value) {
        if (value != null) {
            m.computeIfAbsent(kind, k -> new ArrayList<>()).add(value);
        }
    }
}
