package urcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input is refused with the file, the field path and what was expected; exit 2; nothing on stdout. */
class BadInputTest {

    private static final String SEED = "fixtures/seeds/001-lumbar-medial-branch-block.json";

    @TempDir
    Path dir;

    private Path caseWith(String from, String to) throws IOException {
        String text = Files.readString(Path.of(SEED));
        if (!text.contains(from)) {
            throw new IllegalArgumentException("the seed does not contain " + from);
        }
        Path f = dir.resolve("case.json");
        Files.writeString(f, text.replace(from, to));
        return f;
    }

    private static void refused(CliRun run, Path file, String path, String expected) {
        assertEquals(ExitCode.BAD_INPUT, run.exitCode(), run.err());
        assertEquals("", run.out(), "nothing on stdout");
        assertTrue(run.err().contains(file + ": " + path), "names the file and field path: " + run.err());
        assertTrue(run.err().contains(expected), "says what was expected: " + run.err());
    }

    @Test
    void malformedJson() throws IOException {
        Path f = caseWith("\"items\": [", "\"items\": [[");
        CliRun run = CliRun.of("check", f.toString());
        refused(run, f, "$", "malformed JSON");
        assertTrue(run.err().contains("line "), "says where: " + run.err());
    }

    @Test
    void unknownServiceType() throws IOException {
        Path f = caseWith("\"diagnostic_medial_branch_block\"", "\"acupuncture\"");
        refused(CliRun.of("check", f.toString()), f, "$.items[0].service", "enumeration");
    }

    @Test
    void unknownEnumValueInAFinding() throws IOException {
        Path f = caseWith("\"response\": \"helped\"", "\"response\": \"better\"");
        refused(CliRun.of("check", f.toString()), f, "$.conservativeCare[0].response", "enumeration");
    }

    @Test
    void reliefPercentOutsideZeroToHundred() throws IOException {
        Path f = caseWith("{\"type\": \"trigger_point_injection\",", "{\"type\": \"trigger_point_injection\", \"reliefPercent\": 150,");
        refused(CliRun.of("check", f.toString()), f, "$.priorProcedures[0].reliefPercent", "100");
    }

    @Test
    void levelsThatNameNoFacetJoint() throws IOException {
        Path f = caseWith("\"L1-2 and L2-3\"", "\"C9-C10\"");
        refused(CliRun.of("check", f.toString()), f, "$.items[0].levels", "C9 is none");
        Path g = caseWith("\"L1-2 and L2-3\"", "\"L4-S3\"");
        refused(CliRun.of("check", g.toString()), g, "$.items[0].levels", "S3 is none");
    }

    @Test
    void associatedServicePointingAtAMissingItem() throws IOException {
        Path f = caseWith("\"laterality\": \"bilateral\"\n    }",
                "\"laterality\": \"bilateral\"\n    },\n    {\"id\": \"2\", \"service\": \"imaging_guidance\", \"primaryItem\": \"9\"}");
        refused(CliRun.of("check", f.toString()), f, "$.items[1].primaryItem", "no item has this id");
    }

    @Test
    void associatedServiceWithoutAPrimary() throws IOException {
        Path f = caseWith("\"laterality\": \"bilateral\"\n    }",
                "\"laterality\": \"bilateral\"\n    },\n    {\"id\": \"2\", \"service\": \"iv_sedation\"}");
        refused(CliRun.of("check", f.toString()), f, "$.items[1].primaryItem", "is required");
    }

    @Test
    void missingFile() {
        Path f = dir.resolve("nope.json");
        refused(CliRun.of("check", f.toString()), f, "$", "no such file");
    }

    @Test
    void oneBadFileAmongGoodOnesWritesNothing() throws IOException {
        Path bad = caseWith("\"L1-2 and L2-3\"", "\"C9-C10\"");
        CliRun run = CliRun.of("check", "--json", SEED, bad.toString());
        refused(run, bad, "$.items[0].levels", "facet level");
        assertTrue(run.err().contains("1 of 2 case file(s) are not valid"), run.err());
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRun run = CliRun.of("check", "--frobnicate", SEED);
        assertEquals(ExitCode.BAD_INPUT, run.exitCode());
        assertEquals("", run.out());
        assertTrue(run.err().contains("--frobnicate"), run.err());
    }

    @Test
    void unknownOdgEdition() {
        CliRun run = CliRun.of("check", "--odg-edition", "odg-1999", SEED);
        assertEquals(ExitCode.BAD_INPUT, run.exitCode());
        assertTrue(run.err().contains("odg-wldi-2008-2017"), run.err());
    }

    @Test
    void aValidCaseAskingForAnUncoveredServiceIsAnsweredExplicitly() throws IOException {
        Path f = caseWith("\"diagnostic_medial_branch_block\"", "\"other\"");
        CliRun run = CliRun.of("check", "--json", f.toString());
        assertEquals(ExitCode.CHECKED, run.exitCode(), run.err());
        assertTrue(run.out().contains("\"determination\" : \"NOT_COVERED\""), run.out());
        assertTrue(run.out().contains("No guideline section urcheck checks covers this request"), run.out());
    }

    @Test
    void errorsDoNotRepeatClinicalNotes() throws IOException {
        Path f = caseWith("\"L1-2 and L2-3\"", "\"C9-C10\"");
        CliRun run = CliRun.of("check", f.toString());
        assertTrue(!run.err().contains("decreased with medications"), "no clinical text in errors: " + run.err());
    }
}
