package urcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** urcheck evaluate fixtures: the report a person reads, and the one a machine reads. */
class EvaluateCommandTest {

    @TempDir
    Path dir;

    @Test
    void evaluateOverFixturesReportsFullAgreement() {
        CliRun run = CliRun.of("evaluate", "fixtures/seeds", "fixtures/criteria");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Disagreements: none"), run.out());
        assertTrue(run.out().contains("Confusion matrix"), run.out());
        assertTrue(run.out().contains("(100.0%)"), run.out());
    }

    @Test
    void jsonForMachines() throws Exception {
        CliRun run = CliRun.of("evaluate", "--json", "fixtures/seeds");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode a = new ObjectMapper().readTree(run.out());
        assertEquals(11, a.get("items").asInt());
        assertEquals(11, a.get("determination").get("agree").asInt());
        assertEquals(1.0, a.get("determination").get("accuracy").asDouble());
        assertEquals(1, a.get("confusionMatrix").get("expectedNecessaryAnsweredNecessary").asInt());
        assertEquals(10, a.get("confusionMatrix").get("expectedNotAnsweredNot").asInt());
        assertEquals(0, a.get("disagreements").size());
        assertTrue(a.get("byCriterion").has("ASSOC-PRIMARY"));
    }

    @Test
    void anInvalidCaseIsReportedAndTheRestEvaluated() throws Exception {
        Files.writeString(dir.resolve("bad.json"), "{\"caseId\":\"x\"}");
        Files.copy(Path.of("fixtures/seeds/000-cervical-facet-injection-series.json"), dir.resolve("good.json"));
        CliRun run = CliRun.of("evaluate", dir.toString());
        assertEquals(ExitCode.BAD_INPUT, run.exitCode());
        assertTrue(run.err().contains("bad.json: $.items: is required"), run.err());
        assertTrue(run.out().contains("Evaluated 1 labelled case(s)"), run.out());
    }
}
