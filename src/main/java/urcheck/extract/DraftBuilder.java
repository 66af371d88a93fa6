package urcheck.extract;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the readers found, as a case file (case-file.schema.json) and its evidence. Where the record says a
 * thing twice the later statement stands (a decision's rationale after its summary, an exam after the
 * history) and the draft flags the disagreement; an uncertain finding is always flagged.
 */
final class DraftBuilder {

    /** Findings whose levels the case file uses (the others' levels mean nothing to the rules). */
    static final List<String> LEVELLED = List.of("clinical.spinalStenosis", "clinical.priorFusion",
            "clinical.imagingFacetFindings", "clinical.nerveRootCompression");
    private static final List<String> CLINICAL = List.of("radicularSymptoms", "radiculopathyOnElectrodiagnostics",
            "spinalStenosis", "priorFusion", "surgeryPlanned", "facetTenderness", "axialPain",
            "painfulOrLimitedExtensionRotation", "imagingFacetFindings", "extremeAnxiety", "nerveRootCompression");
    private static final List<String> PLAN = List.of("activeTherapy", "sedation", "opioidSedation",
            "homePainMedicationWithheld", "painDiary", "neurotomyPlanned");
    private static final int NOTE_LIMIT = 600;

    private final JsonNodeFactory f = JsonNodeFactory.instance;
    final List<Evidence> evidence = new ArrayList<>();
    final List<String> notFound = new ArrayList<>();

    ObjectNode build(Found found, String caseId, String jurisdiction, boolean jurisdictionStated, String recordRegion) {
        ObjectNode root = f.objectNode();
        root.put("caseId", caseId);
        evidence.add(new Evidence("$.caseId", caseId, null, 0, 0, null, List.of(), false, "the case id given: the file name, --case-id or ?caseId"));
        root.put("jurisdiction", jurisdiction);
        evidence.add(new Evidence("$.jurisdiction", jurisdiction, null, 0, 0, null, List.of(), !jurisdictionStated,
                jurisdictionStated ? null : "the text does not say which state's rules apply; the default was used (extract --jurisdiction)"));
        date(root, "requestDate", found.requestDates);
        date(root, "injuryDate", found.injuryDates);
        items(root, found, recordRegion);
        clinical(root, found);
        care(root, found);
        procedures(root, found);
        plan(root, found);
        return root;
    }

    private void date(ObjectNode root, String field, List<Found.Field<String>> dates) {
        if (dates.isEmpty()) {
            notFound.add("$." + field);
            return;
        }
        Found.Field<String> first = dates.get(0);
        String why = first.why();
        for (Found.Field<String> d : dates) {
            if (!first.value().startsWith(d.value()) && !d.value().startsWith(first.value())) {
                why = (why == null ? "" : why + "; ") + "the text also gives " + d.value();
                break;
            }
        }
        root.put(field, first.value());
        evidence.add(Evidence.of("$." + field, first.value(), first.mention(), why));
    }

    private void items(ObjectNode root, Found found, String recordRegion) {
        ArrayNode items = root.putArray("items");
        int n = 0;
        for (Found.Item i : found.items) {
            i.id = String.valueOf(++n);
        }
        for (int k = 0; k < found.items.size(); k++) {
            Found.Item i = found.items.get(k);
            String at = "$.items[" + k + "]";
            ObjectNode o = items.addObject();
            o.put("id", i.id);
            o.put("request", note(i.request));
            o.put("service", i.service);
            evidence.add(Evidence.of(at + ".service", i.service, i.mention, null));
            boolean associated = i.primary != null;
            if (!associated && !i.fields.containsKey("region") && !i.fields.containsKey("levels") && recordRegion != null
                    && !i.service.equals("massage_therapy") && !i.service.equals("other")) {
                i.fields.put("region", new Found.Field<>(recordRegion, i.mention,
                        "the request names no region; this is the region the record talks about"));
            }
            if (!associated && !i.fields.containsKey("region") && i.fields.containsKey("levels")) {
                String fromLevels = regionOf((String) i.fields.get("levels").value());
                if (fromLevels != null) {
                    i.fields.put("region", new Found.Field<>(fromLevels, i.fields.get("levels").mention(), null));
                }
            }
            for (String field : List.of("purpose", "region", "levels", "laterality", "sessions", "frequency", "visits",
                    "repeat", "stagedSides", "set")) {
                Found.Field<Object> v = i.fields.get(field);
                if (v == null || associated) {
                    continue;
                }
                if (v.value() instanceof Integer x) {
                    o.put(field, x);
                } else if (v.value() instanceof Boolean b) {
                    o.put(field, b);
                } else {
                    o.put(field, v.value().toString());
                }
                evidence.add(Evidence.of(at + "." + field, v.value().toString(), v.mention(), v.why()));
            }
            if (associated) {
                o.put("primaryItem", i.primary.id);
                evidence.add(Evidence.of(at + ".primaryItem", i.primary.id, i.mention, null));
            }
            if (i.alternativeTo != null) {
                o.put("alternativeTo", i.alternativeTo.id);
                evidence.add(Evidence.of(at + ".alternativeTo", i.alternativeTo.id, i.mention, null));
            }
        }
    }

    private void clinical(ObjectNode root, Found found) {
        ObjectNode clinical = f.objectNode();
        for (String name : CLINICAL) {
            finding(clinical, "clinical." + name, name, found);
        }
        if (!found.diagnoses.isEmpty()) {
            ArrayNode dx = clinical.putArray("diagnoses");
            List<String> seen = new ArrayList<>();
            for (Found.DiagnosisHit d : found.diagnoses) {
                String key = d.icd10() + "|" + d.condition();
                if (seen.contains(key) || (d.icd10() == null && seen.stream().anyMatch(s -> s.endsWith("|" + d.condition())))) {
                    continue;
                }
                seen.add(key);
                String at = "$.clinical.diagnoses[" + dx.size() + "]";
                ObjectNode o = dx.addObject();
                if (d.icd10() != null) {
                    o.put("icd10", d.icd10());
                }
                if (d.condition() != null) {
                    o.put("condition", d.condition());
                }
                if ("uncertain".equals(d.status())) {
                    o.put("status", "uncertain");
                }
                o.put("note", note(d.mention().quote()));
                evidence.add(Evidence.of(at, (d.icd10() == null ? "" : d.icd10() + " ") + (d.condition() == null ? "" : d.condition())
                        + ("uncertain".equals(d.status()) ? " (uncertain)" : ""), d.mention(),
                        "uncertain".equals(d.status()) ? "uncertain: the record raises it without establishing it" : null));
            }
        } else {
            notFound.add("$.clinical.diagnoses");
        }
        if (!clinical.isEmpty()) {
            root.set("clinical", clinical);
        }
    }

    private void plan(ObjectNode root, Found found) {
        ObjectNode plan = f.objectNode();
        for (String name : PLAN) {
            finding(plan, "plan." + name, name, found);
        }
        if (found.injectate != null) {
            plan.put("injectateVolumeCc", found.injectate.value());
            evidence.add(Evidence.of("$.plan.injectateVolumeCc", String.valueOf(found.injectate.value()), found.injectate.mention(), null));
        } else {
            notFound.add("$.plan.injectateVolumeCc");
        }
        if (!plan.isEmpty()) {
            root.set("plan", plan);
        }
    }

    private void finding(ObjectNode into, String fact, String name, Found found) {
        List<Found.FindingHit> hits = found.findings.get(fact);
        if (hits == null || hits.isEmpty()) {
            notFound.add("$." + fact);
            return;
        }
        Found.FindingHit last = hits.get(hits.size() - 1);
        String why = null;
        for (Found.FindingHit h : hits) {
            if (!h.status().equals(last.status())) {
                why = "the record says " + h.status() + " elsewhere (\"" + cut(h.mention().quote()) + "\"); the later statement is used";
                break;
            }
        }
        if ("uncertain".equals(last.status())) {
            why = (why == null ? "" : why + "; ") + "uncertain: decides as not documented";
        }
        ObjectNode o = into.putObject(name);
        o.put("status", last.status());
        String levels = null;
        if (LEVELLED.contains(fact)) {
            for (int k = hits.size() - 1; k >= 0 && levels == null; k--) {
                levels = hits.get(k).levels();
            }
        }
        if (levels != null) {
            o.put("levels", levels);
        }
        o.put("note", note(last.mention().quote()));
        evidence.add(Evidence.of("$." + fact, last.status() + (levels == null ? "" : " at " + levels), last.mention(), why));
    }

    private void care(ObjectNode root, Found found) {
        Map<String, Found.Care> merged = new LinkedHashMap<>();
        Map<String, String> conflicts = new LinkedHashMap<>();
        for (Found.Care c : found.care) {
            Found.Care m = merged.get(c.modality);
            if (m == null) {
                merged.put(c.modality, c);
                continue;
            }
            if (m.weeks == null) {
                m.weeks = c.weeks;
            }
            if (m.visits == null) {
                m.visits = c.visits;
            }
            if (c.response != null) {
                if (m.response != null && !m.response.value().equals(c.response.value())) {
                    conflicts.put(c.modality, "the record also says " + m.response.value() + " (\"" + cut(m.response.mention().quote())
                            + "\"); the later statement is used");
                }
                m.response = c.response;
            }
            if (c.functionalImprovement != null) {
                m.functionalImprovement = c.functionalImprovement;
            }
        }
        if (merged.isEmpty()) {
            notFound.add("$.conservativeCare");
            return;
        }
        ArrayNode a = root.putArray("conservativeCare");
        for (Found.Care c : merged.values()) {
            String at = "$.conservativeCare[" + a.size() + "]";
            ObjectNode o = a.addObject();
            o.put("modality", c.modality);
            evidence.add(Evidence.of(at + ".modality", c.modality, c.mention, null));
            if (c.weeks != null) {
                o.put("weeks", c.weeks.value());
                evidence.add(Evidence.of(at + ".weeks", c.weeks.value().toString(), c.weeks.mention(), c.weeks.why()));
            }
            if (c.visits != null) {
                o.put("visits", c.visits.value());
                evidence.add(Evidence.of(at + ".visits", c.visits.value().toString(), c.visits.mention(), c.visits.why()));
            }
            if (c.functionalImprovement != null) {
                o.putObject("functionalImprovement").put("status", c.functionalImprovement.value())
                        .put("note", note(c.functionalImprovement.mention().quote()));
                evidence.add(Evidence.of(at + ".functionalImprovement", c.functionalImprovement.value(),
                        c.functionalImprovement.mention(), null));
            }
            String response = c.response == null ? "unknown" : c.response.value();
            o.put("response", response);
            if (c.response != null) {
                String why = c.response.why();
                if (conflicts.containsKey(c.modality)) {
                    why = (why == null ? "" : why + "; ") + conflicts.get(c.modality);
                }
                evidence.add(Evidence.of(at + ".response", response, c.response.mention(), why));
            }
            o.put("note", note(c.mention.quote()));
        }
    }

    private void procedures(ObjectNode root, Found found) {
        if (found.procedures.isEmpty()) {
            notFound.add("$.priorProcedures");
            return;
        }
        ArrayNode a = root.putArray("priorProcedures");
        for (Found.Procedure p : found.procedures) {
            String at = "$.priorProcedures[" + a.size() + "]";
            ObjectNode o = a.addObject();
            o.put("type", p.type);
            evidence.add(Evidence.of(at + ".type", p.type, p.mention, null));
            put(o, at, "date", p.date);
            put(o, at, "region", p.region);
            put(o, at, "levels", p.levels);
            if (p.reliefPercent != null) {
                o.put("reliefPercent", p.reliefPercent.value());
                evidence.add(Evidence.of(at + ".reliefPercent", String.valueOf(p.reliefPercent.value()), p.reliefPercent.mention(),
                        p.reliefPercent.why()));
            } else {
                put(o, at, "qualitativeRelief", p.qualitativeRelief);
            }
            put(o, at, "anesthetic", p.anesthetic);
            if (p.reliefDuration != null) {
                o.putObject("reliefDuration").put("value", p.reliefDuration.value()[0]).put("unit", p.durationUnit.value());
                evidence.add(Evidence.of(at + ".reliefDuration", p.reliefDuration.value()[0] + " " + p.durationUnit.value(),
                        p.reliefDuration.mention(), p.reliefDuration.why()));
            }
            if (!p.functionalChange.isEmpty()) {
                ObjectNode fc = o.putObject("functionalChange");
                for (var e : p.functionalChange.entrySet()) {
                    fc.putObject(e.getKey()).put("status", e.getValue().value()).put("note", note(e.getValue().mention().quote()));
                    evidence.add(Evidence.of(at + ".functionalChange." + e.getKey(), e.getValue().value(), e.getValue().mention(),
                            e.getValue().why()));
                }
            }
            o.put("note", note(p.mention.quote()));
        }
    }

    private void put(ObjectNode o, String at, String field, Found.Field<String> v) {
        if (v != null) {
            o.put(field, v.value());
            evidence.add(Evidence.of(at + "." + field, v.value(), v.mention(), v.why()));
        }
    }

    private static String regionOf(String levels) {
        try {
            var r = urcheck.levels.LevelParser.parse(levels).region();
            return r == null ? null : r.name().toLowerCase(java.util.Locale.ROOT);
        } catch (urcheck.levels.LevelException | RuntimeException e) {
            return null;
        }
    }

    static String note(String s) {
        return s.length() <= NOTE_LIMIT ? s : s.substring(0, NOTE_LIMIT - 1) + "\u2026";
    }

    private static String cut(String s) {
        return s.length() <= 120 ? s : s.substring(0, 119) + "\u2026";
    }
}
