package urcheck.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import urcheck.Checker;
import urcheck.TestCheckers;
import urcheck.answer.AnswerJson;
import urcheck.casefile.CaseFile;
import urcheck.casefile.InvalidCaseFileException;

/**
 * Hostile variants of every case-file fixture through the case reader and the checker: each is answered or
 * refused with well-formed problems (never another exception, which is exit 1 or a 500), within bounded CPU.
 */
class CaseReaderFuzzTest {

    static List<Path> fixtures() throws IOException {
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("fixtures/criteria")), Files.walk(Path.of("fixtures/seeds")))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureMutated() throws IOException {
        Checker checker = TestCheckers.builtIn();
        ObjectMapper json = new ObjectMapper();
        return fixtures().stream().map(f -> DynamicTest.dynamicTest(f.toString(), () -> {
            JsonNode original = json.readTree(f.toFile());
            for (int v = 0; v < FuzzSettings.CASES; v++) {
                long seed = FuzzSettings.SEED * 1_000_003L + f.toString().hashCode() * 31L + v;
                byte[] bytes = new Mutator(seed).mutate(original);
                String variant = f + " seed " + seed;
                double cpu = Refusals.cpuSeconds(() -> checkOne(checker, bytes, variant));
                assertTrue(cpu < FuzzSettings.MAX_CPU_SECONDS, variant + ": " + cpu + " s of CPU");
            }
        }));
    }

    /**
     * The same variants read without the schema (batch --trusted-input): never another exception, and a variant
     * the schema accepts gets the very answer it gets with the schema.
     */
    @TestFactory
    Stream<DynamicTest> everyFixtureMutatedAndReadAsTrustedInput() throws IOException {
        Checker checker = TestCheckers.builtIn();
        ObjectMapper json = new ObjectMapper();
        return fixtures().stream().map(f -> DynamicTest.dynamicTest(f.toString(), () -> {
            JsonNode original = json.readTree(f.toFile());
            for (int v = 0; v < FuzzSettings.CASES; v++) {
                long seed = FuzzSettings.SEED * 1_000_003L + f.toString().hashCode() * 31L + v;
                byte[] bytes = new Mutator(seed).mutate(original);
                String variant = f + " seed " + seed + " (trusted)";
                double cpu = Refusals.cpuSeconds(() -> checkTrusted(checker, bytes, variant));
                assertTrue(cpu < FuzzSettings.MAX_CPU_SECONDS, variant + ": " + cpu + " s of CPU");
            }
        }));
    }

    static void checkTrusted(Checker checker, byte[] bytes, String variant) {
        String trusted;
        try {
            trusted = AnswerJson.compact(checker.answer(checker.reader().readTrusted("fuzz.json", bytes), null));
        } catch (InvalidCaseFileException e) {
            Refusals.assertWellFormed(e, variant);
            trusted = null;
        } catch (RuntimeException | StackOverflowError e) {
            fail(variant + ": " + e.getClass().getName() + " at " + Checker.whereFailed(e), e);
            return;
        }
        try {
            String validated = AnswerJson.compact(checker.answer(checker.reader().read("fuzz.json", bytes), null));
            assertEquals(validated, trusted, variant + ": the schema accepts it, so trusted reading must answer it alike");
        } catch (InvalidCaseFileException e) {
            // Refused with the schema: trusted reading may answer it (ranges, lengths, patterns) or refuse it.
        }
    }

    static void checkOne(Checker checker, byte[] bytes, String variant) {
        try {
            CaseFile file = checker.reader().read("fuzz.json", bytes);
            checker.answer(file, null);
        } catch (InvalidCaseFileException e) {
            Refusals.assertWellFormed(e, variant);
        } catch (RuntimeException | StackOverflowError e) {
            fail(variant + ": " + e.getClass().getName() + " at " + Checker.whereFailed(e), e);
        }
    }
}
