package urcheck.levels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import urcheck.TestCheckers;
import urcheck.answer.CaseAnswer;
import urcheck.answer.ItemAnswer;
import urcheck.casefile.InvalidCaseFileException;

/** How a level reading reaches the answer: targets no facet criteria cover are answered, not refused. */
class LevelReadingAnswerTest {

    private static CaseAnswer check(String service, String levels) throws InvalidCaseFileException {
        String json = """
                {"caseId": "levels", "jurisdiction": "%s", "requestDate": "2016-05-01", "injuryDate": "2015-01-01",
                 "items": [{"id": "1", "service": "%s", "levels": "%s"},
                           {"id": "2", "service": "imaging_guidance", "primaryItem": "1"}]}
                """.formatted("texas", service, levels);
        var checker = TestCheckers.builtIn();
        return checker.answer(checker.reader().read("case", json.getBytes(StandardCharsets.UTF_8)), null);
    }

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({
        "diagnostic_medial_branch_block, C1-C2",
        "therapeutic_facet_injection, C1-2",
        "facet_radiofrequency_neurotomy, occiput-C1",
        "facet_joint_injection, C0-C1",
        "diagnostic_medial_branch_block, 'C1, C2 medial branches'",
    })
    void aTargetAboveC2IsNotCoveredRatherThanRefused(String service, String levels) throws InvalidCaseFileException {
        CaseAnswer answer = check(service, levels);
        ItemAnswer item = answer.items().get(0);
        assertEquals("NOT_COVERED", item.determination(), item.rationale());
        assertTrue(item.rationale().contains("not a facet joint these guidelines cover"), item.rationale());
        assertTrue(item.criteria() == null || item.criteria().isEmpty(), "no facet criteria are judged: " + item.criteria());
        assertEquals("NOT_COVERED", answer.items().get(1).determination(), "its guidance follows it");
    }

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({
        "therapeutic_facet_injection, 'L3, L4 and L5', true",
        "facet_joint_injection, 'L3, L4 and L5', true",
        "diagnostic_medial_branch_block, 'L3, L4 and L5', false",
        "facet_radiofrequency_neurotomy, 'L3, L4 and L5', false",
    })
    void loneVertebraeAreReadByTheService(String service, String levels, boolean ambiguous) throws InvalidCaseFileException {
        ItemAnswer.LevelsAnswer l = check(service, levels).items().get(0).levels();
        assertEquals(ambiguous, l.ambiguous(), l.readAs());
    }
}
