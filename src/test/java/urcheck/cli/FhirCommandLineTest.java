package urcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check --fhir: the same output and exit codes as check, with FHIR paths in errors. */
class FhirCommandLineTest {

    private static final String SEED_002 = "fixtures/fhir/seeds/002-massage-and-cervical-medial-branch-block.bundle.json";
    private static final String SEED_004 = "fixtures/fhir/seeds/004-lumbar-facet-injection-and-associated-services.bundle.json";

    @TempDir
    Path dir;

    private Path bundleWith(String from, String to) throws IOException {
        String text = Files.readString(Path.of(SEED_002));
        if (!text.contains(from)) {
            throw new IllegalArgumentException("the bundle does not contain " + from);
        }
        Path f = dir.resolve("bundle.json");
        Files.writeString(f, text.replace(from, to));
        return f;
    }

    @Test
    void checksABundleAsText() {
        CliRun run = CliRun.of("check", "--fhir", SEED_002);
        assertEquals(ExitCode.CHECKED, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("Case seed-002 · california"), run.out());
        assertTrue(run.out().contains("  File: " + SEED_002), run.out());
        assertTrue(run.out().contains("Item rfa-2: Criteria not met — ODG-FJDB-2A not met"), run.out());
        assertTrue(run.out().contains("Item rfa-2: Medial branch block for the cervical spine"), run.out());
        assertTrue(run.out().contains("[NOT MET]        ODG-FJDB-2A"), run.out());
    }

    @Test
    void checksBundlesAsJsonInArgumentOrderAndIdentically() throws IOException {
        CliRun run = CliRun.of("check", "--fhir", "--json", SEED_002, SEED_004);
        assertEquals(ExitCode.CHECKED, run.exitCode(), run.err());
        JsonNode answers = new ObjectMapper().readTree(run.out());
        assertEquals("seed-002", answers.get(0).get("caseId").asText());
        assertEquals("seed-004", answers.get(1).get("caseId").asText());
        assertEquals("rfa-6", answers.get(1).get("items").get(0).get("primaryItem").asText());
        assertEquals(run.out(), CliRun.of("check", "--fhir", "--json", SEED_002, SEED_004).out(), "byte-identical output");
    }

    @Test
    void showMappingPrintsTheCaseFileTheBundleMapsTo() throws IOException {
        CliRun run = CliRun.of("check", "--fhir", "--show-mapping", SEED_002);
        assertEquals(ExitCode.CHECKED, run.exitCode(), run.err());
        JsonNode c = new ObjectMapper().readTree(run.out());
        assertEquals("massage_therapy", c.get("items").get(0).get("service").asText());
        assertEquals("absent", c.at("/plan/activeTherapy/status").asText());
    }

    @Test
    void malformedFhirExitsTwoNamingTheResourceAndElement() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode bundle = (ObjectNode) json.readTree(Path.of(SEED_002).toFile());
        ObjectNode mbb = (ObjectNode) bundle.get("entry").get(16).get("resource");
        assertEquals("rfa-2", mbb.get("id").asText());
        mbb.put("code", "64490");
        mbb.put("x", 1);
        Path f = dir.resolve("bundle.json");
        Files.writeString(f, json.writeValueAsString(bundle));
        CliRun run = CliRun.of("check", "--fhir", f.toString());
        assertEquals(ExitCode.BAD_INPUT, run.exitCode(), run.err());
        assertEquals("", run.out(), "nothing on stdout");
        assertTrue(run.err().contains(f + ": Bundle.entry[16].resource(ServiceRequest/rfa-2).code: expected a JSON object"), run.err());
        assertTrue(run.err().contains(f + ": Bundle.entry[16].resource(ServiceRequest/rfa-2).x: is not an element"), run.err());
    }

    @Test
    void anUnknownJurisdictionOrOneWithoutFhirIsABadOption() {
        CliRun bad = CliRun.of("check", "--fhir", "--jurisdiction", "nevada", SEED_002);
        assertEquals(ExitCode.BAD_INPUT, bad.exitCode());
        assertTrue(bad.err().contains("--jurisdiction nevada: expected one of california, texas, other"), bad.err());
        CliRun withoutFhir = CliRun.of("check", "--jurisdiction", "texas", "fixtures/seeds/001-lumbar-medial-branch-block.json");
        assertEquals(ExitCode.BAD_INPUT, withoutFhir.exitCode());
        assertTrue(withoutFhir.err().contains("applies to --fhir input only"), withoutFhir.err());
    }

    @Test
    void aBundleWithoutJurisdictionNeedsTheOption() throws IOException {
        Path f = bundleWith("\"code\": \"CA\"", "\"code\": \"??\"");
        CliRun refused = CliRun.of("check", "--fhir", f.toString());
        assertEquals(ExitCode.BAD_INPUT, refused.exitCode());
        assertTrue(refused.err().contains("Bundle.entry[1].resource(Coverage/wc-coverage).extension: the us-core-jurisdiction"),
                refused.err());
    }

    @Test
    void cdsHooksAnswersARequestFileOrRefusesItOnStderr() throws IOException {
        CliRun discovery = CliRun.of("cds-hooks", "--discovery");
        assertEquals(ExitCode.CHECKED, discovery.exitCode(), discovery.err());
        assertEquals(2, new ObjectMapper().readTree(discovery.out()).get("services").size());
        String request = "fixtures/fhir/hooks/order-select-cervical-mbb.json";
        CliRun answered = CliRun.of("cds-hooks", "urcheck-order-select", request);
        assertEquals(ExitCode.CHECKED, answered.exitCode(), answered.err());
        assertEquals("warning", new ObjectMapper().readTree(answered.out()).at("/cards/0/indicator").asText());
        CliRun wrongHook = CliRun.of("cds-hooks", "urcheck-order-sign", request);
        assertEquals(ExitCode.BAD_INPUT, wrongHook.exitCode());
        assertEquals("", wrongHook.out());
        assertEquals(422, new ObjectMapper().readTree(wrongHook.err()).get("status").asInt());
    }

    @Test
    void aMissingFileExitsTwo() {
        CliRun run = CliRun.of("check", "--fhir", "no-such-bundle.json");
        assertEquals(ExitCode.BAD_INPUT, run.exitCode());
        assertTrue(run.err().contains("no-such-bundle.json: $: no such file"), run.err());
    }
}
