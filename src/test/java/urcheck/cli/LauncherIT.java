package urcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * bin/urcheck on the packaged jar (runs after `package`, under failsafe): the build made the AppCDS
 * archive, and the launcher's answers are the in-process command line's, for one case and for a batch.
 */
class LauncherIT {

    private static final String SEED = "fixtures/seeds/002-massage-and-cervical-medial-branch-block.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Result(int code, String out, String err) {
    }

    private static Result run(String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("bin/urcheck"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("urcheck-it", ".out");
        Path err = Files.createTempFile("urcheck-it", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            try (OutputStream in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "bin/urcheck did not finish");
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void theBuildMadeTheClassDataArchive() throws IOException {
        assertTrue(Files.size(Path.of("target/urcheck.jsa")) > 1_000_000, "target/urcheck.jsa");
    }

    @Test
    void oneCaseAnswersAsTheCommandLineDoes() throws Exception {
        Result r = run(null, "check", "--json", SEED);
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err(), "no JVM or CDS warnings");
        assertEquals(CliRun.of("check", "--json", SEED).out(), r.out());
    }

    @Test
    void batchThroughStdin() throws Exception {
        String line = JSON.writeValueAsString(JSON.readTree(Files.readString(Path.of(SEED))));
        Result r = run(line + "\n" + line + "\n", "check", "--batch", "-");
        assertEquals(0, r.code(), r.err());
        List<String> out = r.out().lines().toList();
        assertEquals(2, out.size());
        assertEquals(JSON.readTree(CliRun.of("check", "--json", SEED).out()), JSON.readTree(out.get(0)));
    }
}
