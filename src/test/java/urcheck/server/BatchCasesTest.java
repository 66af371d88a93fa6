package urcheck.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import urcheck.TestCheckers;
import urcheck.casefile.InvalidCaseFileException;

/**
 * A JSON-array batch is split into its elements by scanning, not by building one tree of it all: each element reads as
 * the whole-array tree read it, and a body that is not an array of values is refused whole, as before.
 */
class BatchCasesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<BatchCases.Entry> split(String body, int max) {
        return BatchCases.split(body.getBytes(StandardCharsets.UTF_8), BatchCases.JSON, max, "/v1/check/batch");
    }

    @Test
    void everyKindOfElementIsItsOwnEntryWithItsOwnBytes() throws Exception {
        String seed = JSON.readTree(Files.readString(Path.of("fixtures/seeds/002-massage-and-cervical-medial-branch-block.json"))).toString();
        List<String> elements = List.of(seed, "\"a string, with \\\"quotes\\\" and ] [ , \\u00e9\"", "5", "-1.5e3", "null", "true",
                "[1, [2, {\"a\": 3}]]", "{\"caseId\": \"x\", \"items\": [{\"id\": \"1\"}]}", "{}");
        List<BatchCases.Entry> entries = split(" [ " + String.join(" ,\n ", elements) + " ] \n", 100);
        assertEquals(elements.size(), entries.size());
        for (int i = 0; i < elements.size(); i++) {
            assertEquals(i, entries.get(i).index());
            assertEquals(JSON.readTree(elements.get(i)), JSON.readTree(entries.get(i).bytes()), "element " + i);
        }
        assertEquals("seed-002", entries.get(0).read(TestCheckers.builtIn().reader()).facts().context().caseId());
        assertEquals("x", entries.get(7).caseId());
        InvalidCaseFileException notACase = assertThrows(InvalidCaseFileException.class,
                () -> entries.get(1).read(TestCheckers.builtIn().reader()));
        assertEquals("case [1]", notACase.file());
        assertEquals("$", notACase.problems().get(0).path(), "a string is not a case file");
    }

    @Test
    void aBodyThatIsNotAnArrayOfValuesIsRefusedWhole() {
        String seed = "{\"caseId\": \"a\"}";
        for (String body : List.of("[" + seed + ", {\"caseId\": \"a\", \"caseId\": \"b\"}]", "[" + seed + "] x", "[" + seed + "] []",
                "[" + seed + ", {\"caseId\": ]", "[" + seed, "", "  ", seed, "\"text\"")) {
            ProblemException e = assertThrows(ProblemException.class, () -> split(body, 100), body);
            assertEquals(400, e.problem().status(), body);
        }
        ProblemException none = assertThrows(ProblemException.class, () -> split("[ ]", 100));
        assertTrue(none.problem().detail().contains("no cases"), none.problem().detail());
    }

    @Test
    void tooManyCasesSaysHowMany() {
        ProblemException e = assertThrows(ProblemException.class, () -> split("[" + "{},".repeat(11) + "{}]", 10));
        assertEquals(413, e.problem().status());
        assertTrue(e.problem().detail().contains("has 12 cases"), e.problem().detail());
        JsonNode ok = JSON.valueToTree(split("[" + "{},".repeat(9) + "{}]", 10).size());
        assertEquals(10, ok.asInt());
    }
}
