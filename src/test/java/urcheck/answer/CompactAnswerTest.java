package urcheck.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import urcheck.Checker;
import urcheck.TestCheckers;

/**
 * The compact answer carries exactly the ids, statuses, flags, facts, outcomes and determinations of the full
 * answer, field by field (both parsed), for every fixture and thousands of generated cases; and nothing else.
 */
class CompactAnswerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CASE_KEYS = List.of("form", "knowledgeBase", "caseId", "jurisdiction", "odgEdition",
            "items", "reviewerFlags");
    private static final List<String> ITEM_KEYS = List.of("id", "service", "primaryItem", "outcome", "determination",
            "imrPrediction", "section", "workflow", "criteria");
    private static final List<String> CRITERION_KEYS = List.of("id", "status", "stop", "missing", "facts");

    private static Checker checker;
    private static CompactAnswer compact;
    /** How many stops, missing prerequisites, facts and reviewer flags the comparisons met: none would prove nothing. */
    private int stops;
    private int missing;
    private int facts;
    private int flags;

    @BeforeAll
    static void load() {
        checker = TestCheckers.builtIn();
        compact = new CompactAnswer(checker.rules());
    }

    @Test
    void everyFixtureCarriesWhatTheFullAnswerSays() throws Exception {
        List<AnswerCases.Named> cases = AnswerCases.fixtures();
        assertTrue(cases.size() > 100, "fixtures: " + cases.size());
        for (AnswerCases.Named c : cases) {
            compare(c);
        }
        assertTrue(stops > 0 && missing > 0 && facts > 0 && flags > 0,
                "stops " + stops + ", missing " + missing + ", facts " + facts + ", reviewer flags " + flags);
    }

    @Test
    void generatedCasesCarryWhatTheFullAnswerSays() throws Exception {
        for (AnswerCases.Named c : AnswerCases.generated()) {
            compare(c);
        }
        assertTrue(stops > 0 && missing > 0 && facts > 0, "stops " + stops + ", missing " + missing + ", facts " + facts);
    }

    @Test
    void theCatalogueOfTheKnowledgeBaseItNamesHasEveryCriterion() throws Exception {
        JsonNode listing = JSON.readTree(AnswerJson.compact(CriteriaListing.of(checker.rules())));
        Set<String> listed = new HashSet<>();
        listing.get("sections").forEach(s -> s.get("criteria").forEach(c -> listed.add(c.get("id").asText())));
        for (AnswerCases.Named c : AnswerCases.fixtures()) {
            JsonNode a = JSON.readTree(compact.json(c.evaluation()));
            assertEquals(listing.at("/knowledgeBase/id").asText(), a.get("knowledgeBase").asText(), c.name());
            for (JsonNode item : a.get("items")) {
                for (JsonNode criterion : item.get("criteria")) {
                    assertTrue(listed.contains(criterion.get("id").asText()), c.name() + ": " + criterion);
                }
            }
        }
    }

    @Test
    void oneLineTheSameEveryTime() {
        for (AnswerCases.Named c : AnswerCases.fixtures()) {
            String text = compact.json(c.evaluation());
            assertFalse(text.contains("\n"), c.name());
            assertEquals(text, compact.json(c.evaluation()), c.name());
        }
    }

    private void compare(AnswerCases.Named c) throws Exception {
        String name = c.name();
        JsonNode full = JSON.readTree(AnswerJson.compact(checker.answers().answer(c.evaluation())));
        JsonNode small = JSON.readTree(compact.json(c.evaluation()));
        keys(small, CASE_KEYS, name);
        assertEquals(CompactAnswer.FORM, small.get("form").asText(), name);
        assertEquals(full.at("/knowledgeBase/id"), small.get("knowledgeBase"), name);
        for (String k : List.of("caseId", "jurisdiction", "odgEdition", "reviewerFlags")) {
            assertEquals(full.get(k), small.get(k), name + ": " + k);
        }
        flags += full.has("reviewerFlags") ? full.get("reviewerFlags").size() : 0;
        assertEquals(full.get("items").size(), small.get("items").size(), name);
        for (int i = 0; i < full.get("items").size(); i++) {
            item(full.get("items").get(i), small.get("items").get(i), name + " item " + i);
        }
    }

    private void item(JsonNode full, JsonNode small, String name) {
        keys(small, ITEM_KEYS, name);
        for (String k : List.of("id", "service", "primaryItem", "outcome", "determination", "imrPrediction")) {
            assertEquals(full.get(k), small.get(k), name + ": " + k);
        }
        assertEquals(full.at("/guideline/sectionId").isMissingNode() ? null : full.at("/guideline/sectionId"),
                small.get("section"), name + ": section");
        assertEquals(full.at("/workflow/action").isMissingNode() ? null : full.at("/workflow/action"),
                small.get("workflow"), name + ": workflow");
        JsonNode fullCriteria = full.get("criteria");
        JsonNode smallCriteria = small.get("criteria");
        assertEquals(fullCriteria.size(), smallCriteria.size(), name + ": criteria");
        List<String> stopIds = new ArrayList<>();
        List<String> missingIds = new ArrayList<>();
        for (int i = 0; i < fullCriteria.size(); i++) {
            JsonNode f = fullCriteria.get(i);
            JsonNode s = smallCriteria.get(i);
            String where = name + " criterion " + f.get("id").asText();
            keys(s, CRITERION_KEYS, where);
            assertEquals(f.get("id"), s.get("id"), where);
            assertEquals(f.get("status"), s.get("status"), where);
            assertEquals(f.get("facts"), s.has("facts") ? s.get("facts") : JSON.createArrayNode(), where + ": facts");
            assertFalse(s.has("facts") && s.get("facts").isEmpty(), where + ": empty facts are left out");
            for (String flag : List.of("stop", "missing")) {
                assertTrue(!s.has(flag) || s.get(flag).asBoolean(), where + ": a flag is written only when true");
            }
            if (s.has("stop")) {
                stopIds.add(s.get("id").asText());
            }
            if (s.has("missing")) {
                missingIds.add(s.get("id").asText());
            }
            facts += f.get("facts").size();
        }
        stops += stopIds.size();
        missing += missingIds.size();
        // The full answer's decidedBy is the stops of an item not met, the missing prerequisites of one that needs
        // information (catalogue order, as the criteria): the flags must say the same.
        String outcome = full.get("outcome").asText();
        List<String> decidedBy = new ArrayList<>();
        if (full.has("decidedBy")) {
            full.get("decidedBy").forEach(d -> decidedBy.add(d.get("id").asText()));
        }
        if (outcome.equals("CRITERIA_NOT_MET")) {
            assertEquals(decidedBy, stopIds, name + ": stops");
        } else if (outcome.equals("INFORMATION_NEEDED")) {
            assertEquals(decidedBy, missingIds, name + ": missing");
            assertTrue(stopIds.isEmpty(), name + ": an item that needs information has no stop");
        } else {
            assertFalse(full.has("decidedBy"), name);
        }
    }

    /** Only the documented keys, in the documented order. */
    private static void keys(JsonNode object, List<String> documented, String name) {
        int last = -1;
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            int at = documented.indexOf(k);
            assertTrue(at > last, name + ": key " + k + " is not documented, or out of order, in " + object);
            last = at;
        }
        for (JsonNode v : object) {
            assertFalse(v.isNull(), name + ": a null is left out, never written: " + object);
        }
        if (object.has("items")) {
            assertTrue(object.get("items") instanceof ArrayNode, name);
        }
    }
}
