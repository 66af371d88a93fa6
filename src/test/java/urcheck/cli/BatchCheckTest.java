package urcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import urcheck.bench.CaseGenerator;
import urcheck.fixtures.Fixture;

/** check --batch: one answer per line, in order, identical to check --json; bad lines reported, the run goes on. */
class BatchCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static List<Path> fixtureFiles() {
        List<Path> out = new ArrayList<>();
        Fixture.under("seeds").forEach(f -> out.add(f.path()));
        Fixture.under("criteria").forEach(f -> out.add(f.path()));
        return out;
    }

    private static String oneLine(Path caseFile) throws Exception {
        return JSON.writeValueAsString(JSON.readTree(Files.readString(caseFile)));
    }

    private Path jsonl(List<String> lines) throws Exception {
        Path f = dir.resolve("cases.jsonl");
        Files.write(f, lines, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void everyFixtureGetsTheAnswerCheckJsonGivesIt() throws Exception {
        List<Path> files = fixtureFiles();
        assertTrue(files.size() >= 5);
        List<String> lines = new ArrayList<>();
        for (Path p : files) {
            lines.add(oneLine(p));
        }
        CliRun batch = CliRun.of("check", "--batch", jsonl(lines).toString());
        assertEquals(0, batch.exitCode(), batch.err());
        assertEquals("", batch.err());
        List<String> out = batch.out().lines().toList();
        assertEquals(files.size(), out.size());
        for (int i = 0; i < files.size(); i++) {
            CliRun single = CliRun.of("check", "--json", files.get(i).toString());
            assertEquals(0, single.exitCode(), single.err());
            assertEquals(JSON.readTree(single.out()), JSON.readTree(out.get(i)), files.get(i).toString());
            assertFalse(out.get(i).contains("\n"));
        }
    }

    @Test
    void badLinesGetTheirOwnRecordAndTheRunGoesOn() throws Exception {
        String seed = oneLine(Path.of("fixtures/seeds/002-massage-and-cervical-medial-branch-block.json"));
        ObjectMapper m = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode badLevels = (com.fasterxml.jackson.databind.node.ObjectNode) m.readTree(seed);
        ((com.fasterxml.jackson.databind.node.ObjectNode) badLevels.get("items").get(1)).put("levels", "C9-C10");
        ((com.fasterxml.jackson.databind.node.ObjectNode) badLevels.get("clinical").get("radicularSymptoms"))
                .put("note", "PRIVATE-CLINICAL-NOTE");
        List<String> lines = List.of(seed, "numbness and tingling", m.writeValueAsString(badLevels), "", seed,
                "{\"caseId\":\"x\",\"jurisdiction\":\"mars\",\"items\":[{\"id\":\"1\",\"service\":\"massage_therapy\"}]}");
        CliRun run = CliRun.of("check", "--batch", jsonl(lines).toString());
        assertEquals(ExitCode.BAD_INPUT, run.exitCode(), "some lines were not valid cases");
        List<String> out = run.out().lines().toList();
        assertEquals(6, out.size(), "one output line per input line");
        assertEquals(JSON.readTree(out.get(0)), JSON.readTree(out.get(4)));
        assertEquals("seed-002", JSON.readTree(out.get(0)).get("caseId").asText());

        JsonNode malformed = JSON.readTree(out.get(1));
        assertEquals(2, malformed.get("line").asInt());
        assertEquals("invalid case", malformed.get("error").asText());
        assertTrue(malformed.get("problems").get(0).get("message").asText().contains("malformed JSON"));

        JsonNode levels = JSON.readTree(out.get(2));
        assertEquals(3, levels.get("line").asInt());
        assertEquals("$.items[1].levels", levels.get("problems").get(0).get("path").asText());

        assertEquals(4, JSON.readTree(out.get(3)).get("line").asInt());
        JsonNode jurisdiction = JSON.readTree(out.get(5));
        assertEquals("$.jurisdiction", jurisdiction.get("problems").get(0).get("path").asText());

        assertTrue(run.err().contains("cases.jsonl: line 2: $: "), run.err());
        assertTrue(run.err().contains("cases.jsonl: line 3: $.items[1].levels: "), run.err());
        assertTrue(run.err().contains("cases.jsonl: line 6: $.jurisdiction: "), run.err());
        assertTrue(run.err().contains("6 line(s): 2 checked, 4 not valid cases"), run.err());
        for (String secret : List.of("PRIVATE-CLINICAL-NOTE", "numbness", "tingling")) {
            assertFalse(run.err().contains(secret), "stderr repeats case content: " + secret);
            for (int i = 1; i < out.size(); i += 1) {
                if (JSON.readTree(out.get(i)).has("error")) {
                    assertFalse(out.get(i).contains(secret), "an error record repeats case content: " + secret);
                }
            }
        }
    }

    @Test
    void outputKeepsInputOrderOnAllThreadsAndIsByteIdentical() throws Exception {
        CaseGenerator generator = new CaseGenerator(7);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            lines.add(generator.nextLine());
        }
        Path input = jsonl(lines);
        CliRun many = CliRun.of("check", "--batch", input.toString(), "--threads", "4");
        CliRun one = CliRun.of("check", "--batch", input.toString(), "--threads", "1");
        assertEquals(0, many.exitCode(), many.err());
        assertEquals(0, one.exitCode(), one.err());
        List<String> out = many.out().lines().toList();
        assertEquals(lines.size(), out.size());
        for (int i = 0; i < out.size(); i++) {
            assertEquals("bench-" + (i + 1), JSON.readTree(out.get(i)).get("caseId").asText(), "line " + (i + 1));
        }
        assertEquals(one.out(), many.out(), "same input, same bytes, however many threads");
    }

    @Test
    void readsStdin() throws Exception {
        String seed = oneLine(Path.of("fixtures/seeds/003-repeat-cervical-radiofrequency-neurotomy.json"));
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream((seed + "\n" + seed + "\n").getBytes(StandardCharsets.UTF_8)));
            CliRun run = CliRun.of("check", "--batch", "-");
            assertEquals(0, run.exitCode(), run.err());
            List<String> out = run.out().lines().toList();
            assertEquals(2, out.size());
            CliRun single = CliRun.of("check", "--json", "fixtures/seeds/003-repeat-cervical-radiofrequency-neurotomy.json");
            assertEquals(JSON.readTree(single.out()), JSON.readTree(out.get(1)));
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void outFileIsWrittenWholeAndNothingIsLeftBeside() throws Exception {
        String seed = oneLine(Path.of("fixtures/seeds/000-cervical-facet-injection-series.json"));
        Path input = jsonl(List.of(seed, "{", seed));
        Path out = dir.resolve("answers.jsonl");
        CliRun run = CliRun.of("check", "--batch", input.toString(), "--out", out.toString());
        assertEquals(ExitCode.BAD_INPUT, run.exitCode());
        assertEquals("", run.out(), "answers go to the file, not stdout");
        List<String> written = Files.readAllLines(out);
        assertEquals(3, written.size());
        assertEquals(2, JSON.readTree(written.get(1)).get("line").asInt());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("answers.jsonl", "cases.jsonl"), files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary file left behind");
        }
    }

    @Test
    void aMissingInputWritesNothing() {
        Path out = dir.resolve("answers.jsonl");
        CliRun run = CliRun.of("check", "--batch", dir.resolve("nope.jsonl").toString(), "--out", out.toString());
        assertEquals(ExitCode.BAD_INPUT, run.exitCode());
        assertTrue(run.err().contains("nope.jsonl: no such file"), run.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void batchAndFilesDoNotMix() {
        CliRun run = CliRun.of("check", "--batch", "x.jsonl", "fixtures/seeds/000-cervical-facet-injection-series.json");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--batch"), run.err());
        assertEquals(2, CliRun.of("check").exitCode());
    }
}
