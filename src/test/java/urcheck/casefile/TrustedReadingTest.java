package urcheck.casefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import urcheck.Checker;
import urcheck.TestCheckers;
import urcheck.answer.AnswerJson;

/**
 * Reading without the schema (batch {@code --trusted-input}, issue 14): what the binding and assembly
 * still refuse, in the same words as with the schema, and what only the schema checks.
 */
class TrustedReadingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One of every block the format has, valid. */
    private static final String CASE = """
            {"caseId": "trusted-1", "jurisdiction": "texas", "requestDate": "2016-05-01", "injuryDate": "2015-01-10",
             "items": [
               {"id": "1", "request": "Lumbar MBB", "service": "diagnostic_medial_branch_block", "region": "lumbar",
                "levels": "L4-5, L5-S1", "laterality": "bilateral", "sessions": 1, "cpt": ["64493"], "repeat": false},
               {"id": "2", "service": "imaging_guidance", "primaryItem": "1"},
               {"id": "3", "service": "massage_therapy", "visits": 6, "diagnosis": "myalgia_myositis"}],
             "clinical": {
               "facetTenderness": {"status": "present", "levels": "L4-5", "note": "tender"},
               "radicularSymptoms": {"status": "absent"},
               "diagnoses": [{"icd10": "M47.816", "status": "present"}, {"condition": "radiculopathy", "status": "uncertain"}]},
             "conservativeCare": [{"modality": "physical_therapy", "weeks": 6, "visits": 12, "response": "failed",
                                   "functionalImprovement": {"status": "absent"}}],
             "priorProcedures": [{"type": "medial_branch_block", "date": "2016-01", "levels": "L4-5", "reliefPercent": 80,
                                  "reliefDuration": {"value": 4, "unit": "hours"}, "anesthetic": "lidocaine",
                                  "functionalChange": {"adlImproved": {"status": "present"}}}],
             "plan": {"activeTherapy": {"status": "present"}, "injectateVolumeCc": 0.5}}
            """;

    private static CaseFileReader reader() {
        return TestCheckers.builtIn().reader();
    }

    private static byte[] bytes(JsonNode tree) throws Exception {
        return JSON.writeValueAsBytes(tree);
    }

    /** The case with the value at {@code path} ("items/0/sessions") set to {@code json}, or removed when it is "-". */
    private static JsonNode edited(String path, String json) throws Exception {
        JsonNode tree = JSON.readTree(CASE);
        String[] steps = path.split("/");
        JsonNode parent = tree;
        for (int i = 0; i < steps.length - 1; i++) {
            parent = parent.isArray() ? parent.get(Integer.parseInt(steps[i])) : parent.get(steps[i]);
        }
        String last = steps[steps.length - 1];
        if (parent instanceof ArrayNode a) {
            a.set(Integer.parseInt(last), JSON.readTree(json));
        } else if (json.equals("-")) {
            ((ObjectNode) parent).remove(last);
        } else {
            ((ObjectNode) parent).set(last, JSON.readTree(json));
        }
        return tree;
    }

    @Test
    void theCaseItselfReadsAndAnswersTheSameEitherWay() throws Exception {
        Checker checker = TestCheckers.builtIn();
        byte[] b = CASE.getBytes(StandardCharsets.UTF_8);
        assertEquals(AnswerJson.compact(checker.answer(reader().read("case.json", b), null)),
                AnswerJson.compact(checker.answer(reader().readTrusted("case.json", b), null)));
    }

    @Test
    void thePhasesOneAfterAnotherAreRead() throws Exception {
        byte[] b = CASE.getBytes(StandardCharsets.UTF_8);
        JsonNode tree = reader().parse("case.json", b);
        reader().validate("case.json", tree);
        CaseFile phased = reader().assemble("case.json", reader().bind("case.json", tree));
        assertEquals(reader().read("case.json", b).facts(), phased.facts());
    }

    /** Faults the binding refuses without the schema: the same problems, path and words, as with it. */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // wrong types
        "caseId                              | 5",
        "items                               | {}",
        "items/0                             | \"1\"",
        "items/0/sessions                    | \"3\"",
        "items/0/sessions                    | 1.5",
        "items/0/repeat                      | \"yes\"",
        "items/0/cpt                         | \"64493\"",
        "items/0/cpt/0                       | 64493",
        "items/0/levels                      | null",
        "clinical                            | []",
        "clinical/diagnoses                  | {}",
        "priorProcedures/0/reliefPercent     | \"80%\"",
        "priorProcedures/0/reliefDuration    | 4",
        "plan/injectateVolumeCc              | true",
        // values no enum has
        "jurisdiction                        | \"nevada\"",
        "jurisdiction                        | \"Texas\"",
        "items/0/service                     | \"acupuncture\"",
        "items/0/laterality                  | 2",
        "clinical/facetTenderness/status     | \"possible\"",
        "clinical/diagnoses/0/status         | \"absent\"",
        "conservativeCare/0/response         | \"better\"",
        "priorProcedures/0/type              | \"surgery\"",
        "priorProcedures/0/reliefDuration/unit | \"years\"",
        "priorProcedures/0/anesthetic        | \"saline\"",
        // required fields missing
        "caseId                              | -",
        "jurisdiction                        | -",
        "items                               | -",
        "items/0/id                          | -",
        "clinical/facetTenderness/status     | -",
        "conservativeCare/0/modality         | -",
        "priorProcedures/0/type              | -",
        "priorProcedures/0/reliefDuration/value | -",
        "items/2                             | {\"id\": \"3\"}",
        "clinical/diagnoses/0                | {\"status\": \"present\"}",
        "items                               | []",
        // fields the format does not have
        "patientName                         | \"x\"",
        "items/0/side                        | \"left\"",
        "clinical/radicularSymptom           | {\"status\": \"present\"}",
        "plan/sedationPlanned                | {\"status\": \"present\"}",
        // numbers too large to read
        "plan/injectateVolumeCc              | 1e400",
        "jurisdiction                        | -1e400",
    })
    void refusedInTheSchemasWords(String path, String json) throws Exception {
        byte[] b = bytes(edited(path, json));
        InvalidCaseFileException validated = assertThrows(InvalidCaseFileException.class, () -> reader().read("case.json", b));
        InvalidCaseFileException trusted = assertThrows(InvalidCaseFileException.class, () -> reader().readTrusted("case.json", b));
        assertEquals(validated.problems(), trusted.problems());
    }

    /** What the schema finds after it: the same refusals with or without it. */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "items/0/levels                      | \"C9-C10\"",
        "requestDate                         | \"2016-02-30\"",
        "injuryDate                          | \"2017-01-01\"",
        "items/0/cpt/0                       | \"97124\"",
        "items/1/primaryItem                 | \"9\"",
        "odgEdition                          | \"odg-1999\"",
    })
    void assemblyRefusesAsBefore(String path, String json) throws Exception {
        byte[] b = bytes(edited(path, json));
        InvalidCaseFileException validated = assertThrows(InvalidCaseFileException.class, () -> reader().read("case.json", b));
        InvalidCaseFileException trusted = assertThrows(InvalidCaseFileException.class, () -> reader().readTrusted("case.json", b));
        assertEquals(validated.problems(), trusted.problems());
    }

    /** Ranges, lengths and patterns are the schema's alone: trusted input is answered as written. */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "priorProcedures/0/reliefPercent     | 150                  | $.priorProcedures[0].reliefPercent",
        "items/0/sessions                    | 0                    | $.items[0].sessions",
        "caseId                              | \"\"                 | $.caseId",
        "clinical/diagnoses/0/icd10          | \"not-a-code\"       | $.clinical.diagnoses[0].icd10",
    })
    void onlyTheSchemaChecksRangesLengthsAndPatterns(String path, String json, String refusedAt) throws Exception {
        byte[] b = bytes(edited(path, json));
        InvalidCaseFileException validated = assertThrows(InvalidCaseFileException.class, () -> reader().read("case.json", b));
        assertEquals(List.of(refusedAt), validated.problems().stream().map(Problem::path).toList(), validated.report());
        CaseFile trusted = reader().readTrusted("case.json", b);
        assertTrue(TestCheckers.builtIn().answer(trusted, null).items().size() == 3);
    }
}
