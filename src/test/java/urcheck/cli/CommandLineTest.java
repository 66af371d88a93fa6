package urcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    private static final String SEED2 = "fixtures/seeds/002-massage-and-cervical-medial-branch-block.json";
    private static final String SEED3 = "fixtures/seeds/003-repeat-cervical-radiofrequency-neurotomy.json";

    @Test
    void helpAndVersion() {
        CliRun help = CliRun.of("--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("check") && help.out().contains("Exit codes"), help.out());
        CliRun version = CliRun.of("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("urcheck "), version.out());
    }

    @Test
    void jsonAnswerCarriesWhatTheIssueAsksFor() throws Exception {
        CliRun run = CliRun.of("check", "--json", SEED2);
        assertEquals(0, run.exitCode(), run.err());
        JsonNode a = new ObjectMapper().readTree(run.out());
        JsonNode item = a.get("items").get(1);
        assertEquals("2", item.get("id").asText());
        assertEquals("NOT_MEDICALLY_NECESSARY", item.get("determination").asText());
        assertEquals("UPHELD", item.get("imrPrediction").asText());
        assertEquals("ODG", item.get("guideline").get("source").asText());
        assertTrue(item.get("guideline").get("why").asText().contains("9792.21.1"));
        JsonNode nonRadicular = null;
        for (JsonNode c : item.get("criteria")) {
            if (c.get("id").asText().equals("ODG-FJDB-2A")) {
                nonRadicular = c;
            }
        }
        assertEquals("NOT_MET", nonRadicular.get("status").asText());
        assertTrue(nonRadicular.get("facts").get(0).asText().contains("numbness and tingling"));
        assertTrue(nonRadicular.get("citation").asText().contains("criterion 2"));
        assertTrue(item.get("rationale").asText().startsWith("Criteria for"));
        assertTrue(item.get("documentationNeeded").size() > 0);
    }

    @Test
    void severalFilesGiveAJsonArrayInArgumentOrder() throws Exception {
        CliRun run = CliRun.of("check", "--json", SEED3, SEED2);
        assertEquals(0, run.exitCode(), run.err());
        JsonNode a = new ObjectMapper().readTree(run.out());
        assertEquals("seed-003", a.get(0).get("caseId").asText());
        assertEquals("seed-002", a.get(1).get("caseId").asText());
    }

    @Test
    void sameInputGivesByteIdenticalOutput() {
        CliRun first = CliRun.of("check", "--json", SEED2, SEED3);
        CliRun second = CliRun.of("check", "--json", SEED2, SEED3);
        assertEquals(first.out(), second.out());
        assertEquals(CliRun.of("check", SEED3).out(), CliRun.of("check", SEED3).out());
    }

    @Test
    void textReportShowsDeterminationGuidelineAndCriteria() {
        CliRun run = CliRun.of("check", SEED3);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Outcome:     Criteria met: may be approved"), run.out());
        assertTrue(run.out().contains("a denial would likely be overturned"), run.out());
        String full = CliRun.of("check", "--verbose", SEED3).out().replaceAll("\\s+", " ");
        assertTrue(full.contains("Determination on the record as it stands: medically necessary"), full);
        assertTrue(run.out().contains("[MET]") && run.out().contains("MTUS-ACOEM8-RF"), run.out());
        assertTrue(run.out().contains("joints C2-C3, C3-C4"), run.out());
    }

    @Test
    void odgEditionIsASettingShownInTheAnswer() throws Exception {
        CliRun run = CliRun.of("check", "--json", "--odg-edition", "odg-mcg-2019", SEED2);
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("odg-mcg-2019", new ObjectMapper().readTree(run.out()).get("odgEdition").asText());
    }

    @Test
    void criteriaCatalogueListsEveryCriterionWithItsCitation() throws Exception {
        CliRun run = CliRun.of("criteria", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode listing = new ObjectMapper().readTree(run.out());
        int criteria = 0;
        for (JsonNode s : listing.get("sections")) {
            for (JsonNode c : s.get("criteria")) {
                criteria++;
                assertTrue(c.hasNonNull("citation") && c.hasNonNull("edition"), c.toString());
            }
        }
        assertTrue(criteria >= 10, "criteria listed: " + criteria);
        assertEquals(0, CliRun.of("criteria").exitCode());
    }
}
