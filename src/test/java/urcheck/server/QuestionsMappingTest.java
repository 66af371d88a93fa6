package urcheck.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import urcheck.Checker;
import urcheck.TestCheckers;
import urcheck.casefile.InvalidCaseFileException;
import urcheck.catalogue.CriterionEntry;
import urcheck.engine.CriterionResult;
import urcheck.engine.Evaluation;
import urcheck.engine.Governs;

/**
 * The page asks only the questions the chosen services' criteria read, from web/questions.json. That file
 * must not hide a question that decides: for every fixture, each question is taken away in turn (a finding,
 * a plan entry, an item's field, the conservative care, the earlier procedures or one of their details), and
 * every criterion whose status changes must be listed for that question. And every item's governing
 * section must be among those questions.json names for its service, so the page knows which criteria apply.
 */
class QuestionsMappingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path QUESTIONS = Path.of("src/main/resources/urcheck/web/questions.json");

    @Test
    void everyCriterionAQuestionFeedsIsListedForIt() throws Exception {
        JsonNode q = JSON.readTree(QUESTIONS.toFile());
        Map<String, Set<String>> missing = new TreeMap<>();
        Map<String, Set<String>> sectionsMissing = new TreeMap<>();
        Checker checker = TestCheckers.builtIn();
        for (Path p : fixtures()) {
            ObjectNode full = (ObjectNode) JSON.readTree(p.toFile());
            Evaluation base;
            try {
                base = checker.evaluate(checker.reader().read(p.toString(), JSON.writeValueAsBytes(full)), null);
            } catch (InvalidCaseFileException e) {
                continue;
            }
            for (JsonNode item : full.path("items")) {
                Governs g = base.governing().get(item.path("id").asText());
                String service = item.path("service").asText("");
                if (g != null && !service.isEmpty() && !contains(q.path("services").path(service), g.section())) {
                    sectionsMissing.computeIfAbsent(service, k -> new TreeSet<>()).add(g.section());
                }
            }
            Map<String, String> before = statuses(base);
            for (Map.Entry<String, ObjectNode> variant : withoutEachQuestion(full)) {
                Evaluation after;
                try {
                    after = checker.evaluate(checker.reader().read(p.toString(), JSON.writeValueAsBytes(variant.getValue())), null);
                } catch (InvalidCaseFileException e) {
                    continue;
                }
                Map<String, String> now = statuses(after);
                for (Map.Entry<String, String> b : before.entrySet()) {
                    // A criterion judged only with or only without the question (the question changed which
                    // section governs: purpose, sessions) is the section's, not the question's; ASSOC-PRIMARY
                    // reads the primary's outcome, whatever question changed that.
                    String criterion = b.getKey().substring(b.getKey().indexOf(' ') + 1);
                    if (now.containsKey(b.getKey()) && !b.getValue().equals(now.get(b.getKey()))
                            && !criterion.equals("ASSOC-PRIMARY")) {
                        if (!contains(q.path("questions").path(variant.getKey()).path("criteria"), criterion)) {
                            missing.computeIfAbsent(variant.getKey(), k -> new TreeSet<>()).add(criterion + " (" + p.getFileName() + ")");
                        }
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), "questions.json: criteria that read a question but are not listed for it: " + missing);
        assertTrue(sectionsMissing.isEmpty(), "questions.json: sections that govern a service but are not listed: " + sectionsMissing);
    }

    @Test
    void namesOnlyCataloguedCriteriaAndSections() throws Exception {
        JsonNode q = JSON.readTree(QUESTIONS.toFile());
        Checker checker = TestCheckers.builtIn();
        Set<String> listed = new TreeSet<>();
        for (JsonNode question : q.path("questions")) {
            question.path("criteria").forEach(c -> listed.add(c.asText()));
            assertTrue(question.path("label").isTextual(), "every question has a label: " + question);
        }
        for (String id : listed) {
            CriterionEntry e = checker.rules().catalogue().criterion(id);
            assertTrue(e != null, "questions.json names " + id + ", which the catalogue does not have");
        }
        for (JsonNode sections : q.path("services")) {
            for (JsonNode s : sections) {
                assertTrue(checker.rules().catalogue().section(s.asText()) != null, "questions.json names section " + s);
            }
        }
        // Every criterion reads something the form asks, or the page could not ask for it.
        List<String> unasked = new ArrayList<>();
        for (CriterionEntry e : checker.rules().catalogue().criteria()) {
            if (!listed.contains(e.id()) && !e.id().equals("ASSOC-PRIMARY")) {
                unasked.add(e.id());
            }
        }
        assertEquals(List.of(), unasked, "criteria no question of questions.json feeds");
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode v : array) {
            if (v.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> statuses(Evaluation ev) {
        Map<String, String> out = new HashMap<>();
        ev.results().forEach((item, results) -> {
            for (CriterionResult r : results) {
                out.merge(item + " " + r.criterionId(), r.status().name(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        });
        return out;
    }

    /** The case file without each question in turn, with the question's name in questions.json. */
    private static List<Map.Entry<String, ObjectNode>> withoutEachQuestion(ObjectNode full) {
        List<Map.Entry<String, ObjectNode>> out = new ArrayList<>();
        for (String f : List.of("injuryDate", "requestDate")) {
            if (full.has(f)) {
                ObjectNode c = full.deepCopy();
                c.remove(f);
                out.add(Map.entry(f, c));
            }
        }
        for (String group : List.of("clinical", "plan")) {
            for (Iterator<String> it = full.path(group).fieldNames(); it.hasNext(); ) {
                String k = it.next();
                ObjectNode c = full.deepCopy();
                ((ObjectNode) c.get(group)).remove(k);
                out.add(Map.entry(group + "." + k, c));
            }
        }
        Set<String> itemFields = new TreeSet<>();
        full.path("items").forEach(i -> i.fieldNames().forEachRemaining(itemFields::add));
        itemFields.removeAll(Set.of("id", "service", "request", "primaryItem", "cpt"));
        for (String f : itemFields) {
            ObjectNode c = full.deepCopy();
            c.path("items").forEach(i -> ((ObjectNode) i).remove(f));
            out.add(Map.entry("items." + f, c));
        }
        // The conservative care and the earlier procedures are asked as a whole, with their details.
        for (String group : List.of("conservativeCare", "priorProcedures")) {
            if (!full.has(group)) {
                continue;
            }
            ObjectNode c = full.deepCopy();
            c.remove(group);
            out.add(Map.entry(group, c));
            ArrayNode entries = (ArrayNode) full.get(group);
            for (int i = 0; i < entries.size(); i++) {
                for (Iterator<String> it = entries.get(i).fieldNames(); it.hasNext(); ) {
                    String k = it.next();
                    ObjectNode d = full.deepCopy();
                    ((ObjectNode) d.get(group).get(i)).remove(k);
                    out.add(Map.entry(group, d));
                }
            }
        }
        return out;
    }

    private static List<Path> fixtures() throws Exception {
        try (Stream<Path> s = Files.walk(Path.of("fixtures"))) {
            return s.filter(p -> p.toString().endsWith(".json"))
                    .filter(p -> p.startsWith("fixtures/seeds") || p.startsWith("fixtures/criteria") || p.startsWith("fixtures/decisions"))
                    .sorted().toList();
        }
    }
}
