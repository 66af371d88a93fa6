package urcheck.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import urcheck.Checker;
import urcheck.TestCheckers;
import urcheck.answer.AnswerJson;
import urcheck.casefile.InvalidCaseFileException;
import urcheck.cds.CdsHooksService;
import urcheck.cds.CdsResult;
import urcheck.fhir.FhirCase;
import urcheck.fhir.FhirCaseReader;

/**
 * Hostile variants of every FHIR Bundle and CDS Hooks request among the fixtures: read by the FHIR reader
 * (check --fhir) and the CDS Hooks service, each is answered or refused with well-formed problems, never
 * an internal error (a 500), never repeating the input, within bounded CPU.
 */
class FhirReaderFuzzTest {

    @TempDir
    Path dir;

    private static List<Path> under(String folder, String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(Path.of(folder))) {
            return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyBundleMutated() throws IOException {
        Checker checker = TestCheckers.builtIn();
        ObjectMapper json = new ObjectMapper();
        return under("fixtures/fhir", ".bundle.json").stream().map(f -> DynamicTest.dynamicTest(f.toString(), () -> {
            JsonNode original = json.readTree(f.toFile());
            for (int v = 0; v < FuzzSettings.CASES * 5; v++) {
                long seed = FuzzSettings.SEED * 1_000_003L + f.toString().hashCode() * 31L + v;
                Path file = Files.write(dir.resolve("bundle-" + v + ".json"), new Mutator(seed).mutate(original));
                String variant = f + " seed " + seed;
                double cpu = Refusals.cpuSeconds(() -> {
                    try {
                        FhirCase c = new FhirCaseReader(checker.reader()).readBundle(file, "texas");
                        checker.answer(c.caseFile(), null);
                    } catch (InvalidCaseFileException e) {
                        Refusals.assertWellFormed(e, variant);
                    } catch (RuntimeException | StackOverflowError e) {
                        fail(variant + ": " + e.getClass().getName() + " at " + Checker.whereFailed(e), e);
                    }
                });
                assertTrue(cpu < FuzzSettings.MAX_CPU_SECONDS * 2, variant + ": " + cpu + " s of CPU");
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyHookRequestMutated() throws IOException {
        CdsHooksService service = new CdsHooksService(TestCheckers.builtIn(), null, Clock.systemUTC());
        ObjectMapper json = new ObjectMapper();
        List<Path> hooks = Stream.concat(under("fixtures/fhir/hooks", ".json").stream(),
                under("fixtures/fhir/seeds", ".order-sign.json").stream()).toList();
        return hooks.stream().map(f -> DynamicTest.dynamicTest(f.toString(), () -> {
            JsonNode original = json.readTree(f.toFile());
            String id = original.path("hook").asText().equals("order-select") ? CdsHooksService.ORDER_SELECT : CdsHooksService.ORDER_SIGN;
            for (int v = 0; v < FuzzSettings.CASES * 5; v++) {
                long seed = FuzzSettings.SEED * 1_000_003L + f.toString().hashCode() * 31L + v;
                byte[] body = new Mutator(seed).mutate(original);
                String variant = f + " seed " + seed;
                CdsResult[] result = new CdsResult[1];
                double cpu = Refusals.cpuSeconds(() -> result[0] = service.call(id, body));
                // 400: not JSON; 422: JSON, but not a valid request of the hook (CRD 2.0.1 req 162/163)
                assertTrue(result[0].status() == 200 || result[0].status() == 400 || result[0].status() == 422,
                        variant + ": status " + result[0].status() + " " + AnswerJson.pretty(result[0].body()));
                if (!result[0].ok()) {
                    Refusals.assertNoInputText(AnswerJson.pretty(result[0].body()), variant);
                }
                assertTrue(cpu < FuzzSettings.MAX_CPU_SECONDS * 2, variant + ": " + cpu + " s of CPU");
            }
        }));
    }
}
