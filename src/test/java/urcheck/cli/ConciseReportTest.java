package urcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: the answer at a glance. The text report says each item's outcome and what decides it in its
 * first lines, at 100 columns; associated services that follow their primary take one line; several files
 * end with a queue summary; the text defects a newcomer found stay fixed; the CLI's rough edges are gone.
 */
class ConciseReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static List<Path> seeds() throws Exception {
        try (Stream<Path> s = Files.list(Path.of("fixtures/seeds"))) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void everySeedSaysOutcomeAndWhatDecidesItWithinFiveLinesAt100Columns() throws Exception {
        for (Path seed : seeds()) {
            CliRun text = CliRun.of("check", seed.toString());
            assertEquals(0, text.exitCode(), text.err());
            JsonNode answer = JSON.readTree(CliRun.of("check", "--json", seed.toString()).out());
            List<String> lines = text.out().lines().toList();
            for (String l : lines) {
                assertTrue(l.length() <= 100, seed + ": a line of " + l.length() + " columns: " + l);
            }
            String head = String.join("\n", lines.subList(0, Math.min(5, lines.size())));
            for (JsonNode item : answer.get("items")) {
                if (item.has("primaryItem")) {
                    continue;
                }
                String id = item.get("id").asText();
                assertTrue(head.contains("Item " + id + ": " + item.get("outcomeLabel").asText()),
                        seed + ": item " + id + "'s outcome is not in the first 5 lines:\n" + head);
                if (item.has("decidedBy")) {
                    String decider = item.get("decidedBy").get(0).get("id").asText();
                    assertTrue(head.contains(decider), seed + ": what decides item " + id + " (" + decider
                            + ") is not in the first 5 lines:\n" + head);
                }
            }
        }
    }

    @Test
    void associatedServicesThatFollowTheirPrimaryTakeOneLineEach() {
        CliRun run = CliRun.of("check", "fixtures/seeds/004-lumbar-facet-injection-and-associated-services.json");
        for (String item : List.of("1", "2", "3", "4", "5")) {
            List<String> mention = run.out().lines().filter(l -> l.startsWith("Item " + item + ":")).toList();
            assertEquals(1, mention.size(), run.out());
            assertTrue(mention.get(0).contains("follows item 6"), mention.get(0));
        }
        assertTrue(run.out().lines().count() < 45, "seed 004 runs " + run.out().lines().count() + " lines");
        assertFalse(run.out().contains("Fact:"), "the concise report leaves the facts to --verbose");
    }

    @Test
    void verboseGivesTheFullReport() {
        CliRun run = CliRun.of("check", "--verbose", "fixtures/seeds/004-lumbar-facet-injection-and-associated-services.json");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Fact:") && run.out().contains("Rationale:"), run.out());
        assertTrue(run.out().lines().allMatch(l -> l.length() <= 100), "--verbose stays at 100 columns too");
        assertTrue(run.out().replaceAll("\\s+", " ").contains("[California IMR, 2013-2015 decisions]"), "full citations, with the edition");
    }

    @Test
    void severalFilesEndWithAQueueSummary() throws Exception {
        List<String> args = new ArrayList<>(List.of("check"));
        seeds().forEach(p -> args.add(p.toString()));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        String queue = run.out().substring(run.out().lastIndexOf("Queue: "));
        assertTrue(queue.startsWith("Queue: 5 cases, 11 items: 9 criteria not met, 1 information needed, 1 criteria met"), queue);
        assertTrue(queue.indexOf("refer to a physician reviewer") < queue.indexOf("Request information"), queue);
        assertTrue(queue.contains("seed-001 · Item 1: Information needed — document ODG-FJDB-P"), queue);
        assertFalse(queue.contains("follows item"), "services that follow their primary are not queued twice: " + queue);
    }

    @Test
    void citationsNameTheDecisionNeverAPath() throws Exception {
        for (Path seed : seeds()) {
            String json = CliRun.of("check", "--json", seed.toString()).out();
            assertFalse(json.contains("shared/"), seed + " cites a path");
        }
        String answer = CliRun.of("check", "--json", "fixtures/seeds/004-lumbar-facet-injection-and-associated-services.json").out();
        assertTrue(answer.contains("California IMR final determination, seed 004"), answer);
    }

    @Test
    void mtusNumbersCarryNoOdgEditionAndTheVisitLimitIsALimit() throws Exception {
        JsonNode a = JSON.readTree(CliRun.of("check", "--json", "fixtures/seeds/002-massage-and-cervical-medial-branch-block.json").out());
        boolean sawMtusNumber = false;
        for (JsonNode item : a.get("items")) {
            for (JsonNode c : item.get("criteria")) {
                for (JsonNode f : c.get("facts")) {
                    String fact = f.asText();
                    if (fact.startsWith("guideline number") && fact.contains("(MTUS")) {
                        sawMtusNumber = true;
                        assertFalse(fact.contains("edition odg"), "an MTUS number tagged with an ODG edition: " + fact);
                    }
                    if (fact.startsWith("guideline number") && fact.contains("(ODG")) {
                        assertTrue(fact.contains("ODG edition "), fact);
                    }
                }
                if (c.get("id").asText().equals("MTUS-CPMTG-99-VISITS")) {
                    assertEquals("limit", c.get("kind").asText());
                }
            }
            for (JsonNode d : item.get("documentationNeeded")) {
                if (d.asText().startsWith("MTUS-CPMTG-99-VISITS")) {
                    assertTrue(d.asText().contains("(limit criterion: does not decide alone)"), d.asText());
                }
            }
        }
        assertTrue(sawMtusNumber, "seed 002 uses the MTUS massage visit limit");
    }

    @Test
    void theWorkStatusFindingDoesNotQuoteThePainReliefNote() throws Exception {
        JsonNode a = JSON.readTree(CliRun.of("check", "--json", "fixtures/seeds/003-repeat-cervical-radiofrequency-neurotomy.json").out());
        for (JsonNode c : a.get("items").get(0).get("criteria")) {
            for (JsonNode f : c.get("facts")) {
                String fact = f.asText();
                int work = fact.indexOf("work function improved");
                if (work >= 0) {
                    assertFalse(fact.substring(work).contains("80 to 90%"), "the relief note reads as the work-status quote: " + fact);
                }
            }
        }
    }

    @Test
    void noAdviceToDocumentAfterAStop() throws Exception {
        for (Path seed : seeds()) {
            String report = CliRun.of("check", seed.toString()).out();
            JsonNode a = JSON.readTree(CliRun.of("check", "--json", seed.toString()).out());
            for (JsonNode item : a.get("items")) {
                String block = itemBlock(report, item.get("id").asText());
                if (item.get("outcome").asText().equals("CRITERIA_NOT_MET")) {
                    assertFalse(block.contains("To document") || block.toLowerCase().contains("request the documentation"),
                            seed + " item " + item.get("id").asText() + " asks for documentation after a stop:\n" + block);
                    assertFalse(item.get("workflow").toString().toLowerCase().contains("documentation"), item.get("workflow").toString());
                }
            }
        }
    }

    private static String itemBlock(String report, String id) {
        int start = report.indexOf("\nItem " + id + ": ");
        int end = report.indexOf("\nItem ", start + 1);
        return report.substring(start, end < 0 ? report.length() : end);
    }

    @Test
    void bareUrcheckPrintsTheUsageWithEveryCommand() {
        CliRun run = CliRun.of();
        assertEquals(ExitCode.BAD_INPUT, run.exitCode());
        assertEquals("", run.out());
        for (String command : List.of("check", "criteria", "evaluate", "bench", "serve", "cds-hooks")) {
            assertTrue(run.err().contains("\n  " + command + " "), command + " missing from:\n" + run.err());
        }
    }

    @Test
    void aFolderIsRefusedInWords() {
        CliRun run = CliRun.of("check", "fixtures/seeds");
        assertEquals(ExitCode.BAD_INPUT, run.exitCode());
        assertEquals("", run.out());
        assertTrue(run.err().contains("is a folder, not a case file"), run.err());
        assertFalse(run.err().contains("IOException"), run.err());
    }

    @Test
    void evaluateOnAMissingPathWritesNothingOnStdout() {
        CliRun run = CliRun.of("evaluate", dir.resolve("not-there").toString());
        assertEquals(ExitCode.BAD_INPUT, run.exitCode());
        assertEquals("", run.out());
        assertTrue(run.err().contains("no such file or folder"), run.err());
    }

    @Test
    void serveHelpListsEveryRouteTheOpenApiDocumentHas() throws Exception {
        String help = CliRun.of("serve", "--help").out();
        JsonNode doc = JSON.readTree(Path.of("src/main/resources/urcheck/openapi.json").toFile());
        String readme = Files.readString(Path.of("README.md"));
        for (var it = doc.get("paths").fieldNames(); it.hasNext(); ) {
            String path = it.next();
            assertTrue(help.contains(" " + path), "serve --help does not list " + path + ":\n" + help);
            assertTrue(readme.contains(path), "README.md does not list " + path);
        }
    }
}
