package urcheck.casefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import urcheck.TestCheckers;

/** Issue 13: input that used to be an internal error, slow, or misread. */
class HostileCaseFileTest {

    private static final String ITEM = "{\"id\": \"1\", \"service\": \"massage_therapy\"}";

    private static InvalidCaseFileException refused(String json) {
        return assertThrows(InvalidCaseFileException.class,
                () -> TestCheckers.builtIn().reader().read("case.json", json.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "$.jurisdiction             | {\"caseId\": \"x\", \"jurisdiction\": 1e400, \"items\": [ITEM]}",
        "$.items[0].service         | {\"caseId\": \"x\", \"jurisdiction\": \"texas\", \"items\": [{\"id\": \"1\", \"service\": 1e400}]}",
        "$.items[0].laterality      | {\"caseId\": \"x\", \"jurisdiction\": \"texas\", \"items\": [{\"id\": \"1\", \"service\": \"massage_therapy\", \"laterality\": -1e999}]}",
        "$.conservativeCare[0].modality | {\"caseId\": \"x\", \"jurisdiction\": \"texas\", \"items\": [ITEM], \"conservativeCare\": [{\"modality\": 1e400, \"response\": \"failed\"}]}",
        "$.plan.injectateVolumeCc   | {\"caseId\": \"x\", \"jurisdiction\": \"texas\", \"items\": [ITEM], \"plan\": {\"injectateVolumeCc\": 1e400}}",
    })
    void aNumberBeyondADoubleIsRefusedWithItsPath(String path, String json) {
        InvalidCaseFileException e = refused(json.replace("ITEM", ITEM));
        assertEquals(path, e.problems().get(0).path(), e.report());
    }

    @Test
    void seventyThousandUnknownKeysAreCappedAndCheap() {
        StringBuilder b = new StringBuilder("{\"caseId\": \"x\", \"jurisdiction\": \"texas\", \"items\": [" + ITEM + "]");
        for (int i = 0; i < 70_000; i++) {
            b.append(",\"k").append(i).append("\":1");
        }
        b.append('}');
        long started = System.nanoTime();
        InvalidCaseFileException e = refused(b.toString());
        double seconds = (System.nanoTime() - started) / 1e9;
        assertEquals(ProblemLimit.MAX + 1, e.problems().size());
        Problem last = e.problems().get(ProblemLimit.MAX);
        assertTrue(last.message().startsWith("and 69900 more problems"), last.message());
        // Was 14-24 s (quadratic de-duplication); now well under a second on a quiet core.
        assertTrue(seconds < 5, "took " + seconds + " s");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "$.injuryDate                | \"injuryDate\": \"2016-06-01\", \"requestDate\": \"2016-05-01\"",
        "$.priorProcedures[0].date   | \"injuryDate\": \"2015-01-01\", \"requestDate\": \"2016-05-01\", \"priorProcedures\": [{\"type\": \"medial_branch_block\", \"date\": \"2016-05-02\"}]",
        "$.priorProcedures[0].date   | \"requestDate\": \"2016-05\", \"priorProcedures\": [{\"type\": \"medial_branch_block\", \"date\": \"2016-06-01\"}]",
    })
    void datesOutOfOrderAreRefusedNamingBothFields(String path, String dates) {
        InvalidCaseFileException e = refused("{\"caseId\": \"x\", \"jurisdiction\": \"texas\", " + dates + ", \"items\": [" + ITEM + "]}");
        assertEquals(path, e.problems().get(0).path(), e.report());
        assertTrue(e.problems().get(0).message().contains("$."), "names the other field: " + e.report());
    }

    @Test
    void datesThatMayAgreeAreAccepted() throws InvalidCaseFileException {
        // A procedure in "2016-05" may be before a request of 2016-05-10: not a certain conflict.
        TestCheckers.builtIn().reader().read("case.json", ("{\"caseId\": \"x\", \"jurisdiction\": \"texas\", \"injuryDate\": \"2016-05\","
                + " \"requestDate\": \"2016-05-10\", \"priorProcedures\": [{\"type\": \"medial_branch_block\", \"date\": \"2016-05\"}],"
                + " \"items\": [" + ITEM + "]}").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void errorsDoNotRepeatWhatTheCaseSays() {
        String secret = "Jane Q Patient 1961-04-02";
        InvalidCaseFileException e = refused("{\"caseId\": \"x\", \"jurisdiction\": \"texas\", \"items\": [{\"id\": \"1\","
                + " \"service\": \"diagnostic_medial_branch_block\", \"levels\": \"" + secret + " C9\"},"
                + " {\"id\": \"2\", \"service\": \"imaging_guidance\", \"primaryItem\": \"" + secret + "\"}]}");
        assertFalse(e.report().contains("Jane"), e.report());
        assertFalse(e.getMessage().contains("Jane"), e.getMessage());
        List<String> paths = e.problems().stream().map(Problem::path).toList();
        assertTrue(paths.contains("$.items[0].levels") && paths.contains("$.items[1].primaryItem"), paths.toString());
    }
}
