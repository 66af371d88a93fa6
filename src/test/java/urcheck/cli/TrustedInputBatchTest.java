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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import urcheck.bench.CaseGenerator;

/**
 * {@code check --batch --trusted-input} (issue 14): no schema validation, the same answers, every line saying
 * so; what cannot be read is still refused line by line.
 */
class TrustedInputBatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MARK = "{\"inputValidation\":\"skipped: --trusted-input\",";

    @TempDir
    Path dir;

    private Path jsonl(List<String> lines) throws Exception {
        Path f = dir.resolve("cases.jsonl");
        Files.write(f, lines, StandardCharsets.UTF_8);
        return f;
    }

    private static List<String> fixtureLines() throws Exception {
        List<String> lines = new ArrayList<>();
        for (String folder : List.of("fixtures/seeds", "fixtures/criteria", "fixtures/decisions")) {
            try (Stream<Path> files = Files.walk(Path.of(folder))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                    lines.add(JSON.writeValueAsString(JSON.readTree(f.toFile())));
                }
            }
        }
        return lines;
    }

    @Test
    void theFixturesAndThreeThousandGeneratedCasesGetTheValidatedAnswersWithTheFieldFirst() throws Exception {
        List<String> lines = fixtureLines();
        int fixtures = lines.size();
        assertTrue(fixtures > 200, "fixtures found: " + fixtures);
        CaseGenerator generator = new CaseGenerator(42);
        for (int i = 0; i < 3000; i++) {
            lines.add(generator.nextLine());
        }
        Path input = jsonl(lines);
        CliRun validated = CliRun.of("check", "--batch", input.toString());
        CliRun trusted = CliRun.of("check", "--batch", input.toString(), "--trusted-input");
        assertEquals(0, validated.exitCode(), validated.err());
        assertEquals(0, trusted.exitCode(), trusted.err());
        assertEquals("", trusted.err());
        List<String> v = validated.out().lines().toList();
        List<String> t = trusted.out().lines().toList();
        assertEquals(lines.size(), t.size());
        for (int i = 0; i < v.size(); i++) {
            assertFalse(v.get(i).contains("inputValidation"), "an answer made with validation says nothing of it, line " + (i + 1));
            assertTrue(t.get(i).startsWith(MARK), "line " + (i + 1) + " does not say validation was skipped");
            assertEquals(v.get(i), "{" + t.get(i).substring(MARK.length()), "line " + (i + 1) + (i < fixtures ? " (a fixture)" : ""));
        }
    }

    @Test
    void whatCannotBeReadIsRefusedNamingLineAndFieldAndTheRestIsAnswered() throws Exception {
        String good = new CaseGenerator(3).nextLine();
        String item = "{\"id\":\"1\",\"service\":\"massage_therapy\"}";
        List<String> lines = List.of(
                good,
                "{\"caseId\":\"t2\",\"jurisdiction\":\"texas\",\"items\":[{\"id\":\"1\",\"service\":\"massage_therapy\",\"visits\":\"six\"}]}",
                "{\"caseId\":\"t3\",\"jurisdiction\":\"texas\",\"items\":[{\"service\":\"massage_therapy\"}]}",
                "{\"caseId\":\"t4\",\"jurisdiction\":\"texas\",\"items\":[" + item + "],\"conservativeCare\":[{\"modality\":\"yoga\",\"response\":\"failed\"}]}",
                "{\"caseId\":\"t5\",\"jurisdiction\":\"texas\",\"items\":[" + item + "],\"plan\":{\"injectateVolumeCc\":1e400}}",
                "{\"caseId\":\"t6\",\"jurisdiction\":\"texas\",\"items\":[{\"id\":\"1\",\"service\":\"diagnostic_medial_branch_block\",\"levels\":\"C9-C10\"}]}",
                "{\"caseId\":\"t7\",\"items\":[" + item + "],\"clinical\":{\"facetTenderness\":{\"levels\":\"L4-5\"}}}",
                "{\"caseId\":",
                good);
        CliRun run = CliRun.of("check", "--batch", jsonl(lines).toString(), "--trusted-input", "--threads", "2");
        assertEquals(ExitCode.BAD_INPUT, run.exitCode(), run.err());
        List<String> out = run.out().lines().toList();
        assertEquals(lines.size(), out.size(), "one line out per line in");
        for (String line : out) {
            assertTrue(line.startsWith(MARK), line);
        }
        assertEquals(out.get(0), out.get(8));
        assertTrue(JSON.readTree(out.get(0)).has("items"), "a good line is answered");
        List<String> expected = List.of(
                "line 2: $.items[0].visits: string found, integer expected",
                "line 3: $.items[0].id: is required",
                "line 4: $.conservativeCare[0].modality: does not have a value in the enumeration",
                "line 5: $.plan.injectateVolumeCc: a number within range (this one is too large to read)",
                "line 6: $.items[0].levels: is not a facet level",
                "line 7: $.clinical.facetTenderness.status: is required",
                "line 7: $.jurisdiction: is required",
                "line 8: $: line 1, column 11: malformed JSON");
        for (String e : expected) {
            assertTrue(run.err().contains("cases.jsonl: " + e), "stderr says " + e + ":\n" + run.err());
        }
        for (int i = 1; i <= 7; i++) {
            JsonNode record = JSON.readTree(out.get(i));
            assertEquals(i + 1, record.get("line").asInt());
            assertEquals("invalid case", record.get("error").asText(), out.get(i));
            assertEquals("skipped: --trusted-input", record.get("inputValidation").asText());
        }
        assertTrue(run.err().contains("9 line(s): 2 checked, 7 not valid cases, 0 failed inside urcheck"), run.err());
        assertFalse(run.err().contains("yoga") || run.err().contains("six"), "errors do not repeat the case: " + run.err());
    }

    @Test
    void withoutBatchTheOptionIsRefused() {
        CliRun run = CliRun.of("check", "--trusted-input", "fixtures/seeds/001-lumbar-medial-branch-block.json");
        assertEquals(ExitCode.BAD_INPUT, run.exitCode());
        assertEquals("", run.out());
        assertTrue(run.err().contains("--trusted-input goes with --batch"), run.err());
    }
}
