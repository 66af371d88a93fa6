package urcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import urcheck.TestCheckers;
import urcheck.extract.TestPdfs;

/** Issue 10: urcheck extract and check --text on the command line. */
class ExtractCommandTest {

    @TempDir
    Path dir;

    static Stream<Path> records() throws Exception {
        return Stream.concat(Files.list(Path.of("fixtures/extraction/seeds")), Files.list(Path.of("fixtures/notes")))
                .filter(p -> p.toString().endsWith(".txt")).sorted();
    }

    @ParameterizedTest
    @MethodSource("records")
    void theDraftIsAValidCaseFileWhoseQuotesAreTheText(Path record) throws Exception {
        CliRun run = CliRun.of("extract", record.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode draft = new ObjectMapper().readTree(run.out());
        TestCheckers.builtIn().reader().read(record.toString(), draft); // throws if the schema or the reader refuses it
        String text = Files.readString(record);
        for (JsonNode e : draft.at("/extraction/evidence")) {
            if (e.has("quote")) {
                String atOffsets = text.substring(e.get("start").asInt(), e.get("end").asInt()).replaceAll("\\s+", " ").strip();
                assertEquals(atOffsets, e.get("quote").asText(), e.get("path").asText());
            }
        }
        assertEquals(run.out(), CliRun.of("extract", record.toString()).out(), "same input, same output");
    }

    @Test
    void aDraftChecks() throws Exception {
        Path draft = dir.resolve("draft.json");
        Files.writeString(draft, CliRun.of("extract", "fixtures/notes/01-lumbar-mbb-classic.txt").out());
        CliRun check = CliRun.of("check", draft.toString());
        assertEquals(0, check.exitCode(), check.err());
    }

    @Test
    void checkTextShowsEachFactsQuote() {
        CliRun run = CliRun.of("check", "--text", "fixtures/extraction/seeds/003-repeat-cervical-radiofrequency-neurotomy.txt");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Outcome:     Criteria met"), run.out());
        assertTrue(run.out().contains("80 to 90% subjective reduction in pain scores"), "the relief is quoted");
        assertTrue(run.out().contains("[REVIEW:"), "what a person must look at is marked");
    }

    @Test
    void checkTextAsJsonGivesTheAnswerAndTheDraft() throws Exception {
        CliRun run = CliRun.of("check", "--text", "--json", "fixtures/notes/01-lumbar-mbb-classic.txt");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode both = new ObjectMapper().readTree(run.out());
        assertEquals("MEDICALLY_NECESSARY", both.at("/answer/items/0/determination").asText());
        assertTrue(both.at("/caseFile/extraction/evidence").size() > 10);
    }

    @Test
    void aScannedPdfIsExitTwoWithNothingWritten() throws Exception {
        Path scan = Files.write(dir.resolve("scan.pdf"), TestPdfs.scanned(2));
        CliRun run = CliRun.of("extract", scan.toString());
        assertEquals(2, run.exitCode());
        assertEquals("", run.out());
        assertTrue(run.err().contains(scan + ": PDF with no text layer"), run.err());
    }

    @Test
    void aTextPdfIsRead() throws Exception {
        Path pdf = Files.write(dir.resolve("note.pdf"), TestPdfs.text(List.of("HPI: Axial low back pain. Denies radiating pain.",
                "Plan: Request bilateral L4-5, L5-S1 medial branch blocks.")));
        CliRun run = CliRun.of("extract", pdf.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode draft = new ObjectMapper().readTree(run.out());
        assertEquals("diagnostic_medial_branch_block", draft.at("/items/0/service").asText());
        assertEquals("absent", draft.at("/clinical/radicularSymptoms/status").asText());
    }

    @Test
    void noRequestIsExitTwoAndTheNoteIsNotEchoed() throws Exception {
        Path note = Files.writeString(dir.resolve("note.txt"), "Jane Q. Roe complains of low back pain since her fall.\n");
        CliRun run = CliRun.of("extract", note.toString());
        assertEquals(2, run.exitCode());
        assertEquals("", run.out());
        assertTrue(run.err().contains("found no requested item"), run.err());
        assertFalse(run.err().contains("Roe") || run.err().contains("fall"), "no words of the note on stderr");
    }

    @Test
    void oneBadFileAmongGoodOnesWritesNothing() throws Exception {
        Path junk = Files.write(dir.resolve("junk.txt"), new byte[] {0, 1, 2, 3, (byte) 0xff, 0});
        CliRun run = CliRun.of("extract", "fixtures/notes/01-lumbar-mbb-classic.txt", junk.toString());
        assertEquals(2, run.exitCode());
        assertEquals("", run.out());
        assertTrue(run.err().contains(junk + ": not a text file or a PDF"), run.err());
    }

    @Test
    void theEvaluationReachesTheSeedsDecisionsAndKeepsItsFigures() {
        CliRun run = CliRun.of("extract", "--evaluate", "fixtures/extraction/seeds", "fixtures/notes");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Determinations from the text alone: 11 of 11 items agree"), run.out());
        assertTrue(run.out().contains("every criterion the reviewer named): 11 of 11"), run.out());
        String all = run.out().lines().filter(l -> l.startsWith("all facts")).findFirst().orElseThrow();
        String[] cols = all.trim().split("\\s+");
        double precision = Double.parseDouble(cols[cols.length - 2]);
        double recall = Double.parseDouble(cols[cols.length - 1]);
        assertTrue(precision >= 0.9 && recall >= 0.9, all);
    }
}
