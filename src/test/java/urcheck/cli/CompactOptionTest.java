package urcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import urcheck.bench.CaseGenerator;

/** check --compact: with --batch one compact answer per line, with --json one per file; nothing else takes it. */
class CompactOptionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEED2 = "fixtures/seeds/002-massage-and-cervical-medial-branch-block.json";
    private static final String SEED4 = "fixtures/seeds/004-lumbar-facet-injection-and-associated-services.json";

    @TempDir
    Path dir;

    @Test
    void aBatchGetsOneCompactAnswerPerLineAndErrorRecordsAsBefore() throws Exception {
        CaseGenerator generator = new CaseGenerator(3);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            lines.add(i == 17 ? "{\"caseId\": 3" : generator.nextLine());
        }
        Path input = dir.resolve("cases.jsonl");
        Files.write(input, lines, StandardCharsets.UTF_8);
        CliRun compact = CliRun.of("check", "--batch", input.toString(), "--compact", "--threads", "2");
        CliRun full = CliRun.of("check", "--batch", input.toString(), "--threads", "1");
        assertEquals(ExitCode.BAD_INPUT, compact.exitCode(), compact.err());
        assertEquals(full.err(), compact.err(), "the same lines reported the same way");
        List<String> small = compact.out().lines().toList();
        List<String> big = full.out().lines().toList();
        assertEquals(200, small.size());
        for (int i = 0; i < small.size(); i++) {
            JsonNode s = JSON.readTree(small.get(i));
            JsonNode f = JSON.readTree(big.get(i));
            if (i == 17) {
                assertEquals(f, s, "an error record is the same either way");
                continue;
            }
            assertEquals("compact-1", s.get("form").asText());
            assertEquals(f.get("caseId"), s.get("caseId"));
            assertEquals(f.at("/items/0/outcome"), s.at("/items/0/outcome"));
            assertTrue(small.get(i).length() * 2 < big.get(i).length(), "line " + (i + 1) + " is not compact");
        }
        assertEquals(compact.out(), CliRun.of("check", "--batch", input.toString(), "--compact", "--threads", "1").out(),
                "the same input gives the same bytes, whatever the threads");
    }

    @Test
    void jsonCompactIsOneLinePerCaseAndAnArrayForSeveral() throws Exception {
        CliRun one = CliRun.of("check", "--json", "--compact", SEED2);
        assertEquals(0, one.exitCode(), one.err());
        assertEquals(1, one.out().lines().count());
        JsonNode answer = JSON.readTree(one.out());
        assertEquals("seed-002", answer.get("caseId").asText());
        assertFalse(one.out().contains("\"citation\"") || one.out().contains("\"text\"") || one.out().contains("rationale"));
        CliRun two = CliRun.of("check", "--json", "--compact", SEED2, SEED4);
        assertEquals(0, two.exitCode(), two.err());
        JsonNode both = JSON.readTree(two.out());
        assertEquals(2, both.size());
        assertEquals(answer, both.get(0));
        assertEquals("seed-004", both.get(1).get("caseId").asText());
        JsonNode mcg = JSON.readTree(CliRun.of("check", "--json", "--compact", "--odg-edition", "odg-mcg-2019", SEED2).out());
        assertEquals("odg-mcg-2019", mcg.get("odgEdition").asText());
    }

    @Test
    void compactAloneOrWithTextIsRefused() {
        for (String[] args : List.of(new String[] {"check", "--compact", SEED2},
                new String[] {"check", "--compact", "--json", "--text", "fixtures/extraction/seeds/003-repeat-cervical-radiofrequency-neurotomy.txt"})) {
            CliRun run = CliRun.of(args);
            assertEquals(ExitCode.BAD_INPUT, run.exitCode(), String.join(" ", args));
            assertEquals("", run.out());
            assertTrue(run.err().contains("--compact"), run.err());
        }
    }
}
