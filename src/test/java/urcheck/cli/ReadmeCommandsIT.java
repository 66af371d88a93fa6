package urcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every command the README gives is run, as written, on the packaged jar (under failsafe, after
 * {@code package}): the checks must exit 0 and print an answer; {@code serve} must come up, and each
 * {@code curl} is sent to it. The two set-up commands are {@code bin/build} (the package this run has just
 * done) and {@code bin/test}; {@code .ci/run} runs both. No user document sends a reader
 * to {@code ../shared/}, and the README stays short enough for a newcomer.
 */
class ReadmeCommandsIT {

    private static final Path README = Path.of("README.md");

    /** The commands of the README's sh blocks, one per line, split at &&. */
    static List<String> commands() throws Exception {
        List<String> out = new ArrayList<>();
        boolean sh = false;
        for (String line : Files.readAllLines(README)) {
            if (line.startsWith("```")) {
                sh = !sh && line.equals("```sh");
                continue;
            }
            if (sh && !line.isBlank() && !line.startsWith("#")) {
                for (String c : line.split("&&")) {
                    out.add(c.strip());
                }
            }
        }
        return out;
    }

    @Test
    void everyReadmeCommandRuns() throws Exception {
        List<String> commands = commands();
        assertTrue(commands.size() >= 8, "the README's commands: " + commands);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process server = null;
        try {
            for (String c : commands) {
                if (c.equals("bin/build")) {
                    assertTrue(Files.readString(Path.of("bin/build")).contains("mvn -B -q package -DskipTests"),
                            "bin/build is the package this run has just done");
                    assertTrue(Files.readString(Path.of(".ci/run")).contains("\nbin/build\n"), ".ci/run runs bin/build");
                } else if (c.equals("bin/test")) {
                    assertTrue(Files.readString(Path.of(".ci/run")).contains("\nbin/test\n"), ".ci/run runs bin/test");
                } else if (c.equals("java -jar target/urcheck.jar serve")) {
                    server = new ProcessBuilder("bash", "-c", "exec " + c + " --port " + port)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                    awaitServing(server);
                } else if (c.startsWith("curl ")) {
                    assertTrue(server != null, "the README starts serve before its curl: " + c);
                    Result r = run(c.replace("127.0.0.1:8080", "127.0.0.1:" + port));
                    assertTrue(r.out.startsWith("{"), c + " answered: " + r.out);
                } else if (c.startsWith("java -jar target/urcheck.jar ") || c.startsWith("bin/urcheck ")) {
                    Result r = run(c);
                    assertEquals(0, r.code, c + "\n" + r.err);
                    assertFalse(r.out.isBlank(), c + " printed nothing");
                } else {
                    fail("the README gives a command no test runs: " + c);
                }
            }
        } finally {
            if (server != null) {
                server.destroy();
                server.waitFor(20, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void theReadmeIsShortAndNoUserDocumentSendsReadersToShared() throws Exception {
        long lines = Files.readAllLines(README).size();
        assertTrue(lines <= 160, "README.md has " + lines + " lines; the reference belongs in docs/");
        List<Path> docs = new ArrayList<>(List.of(README));
        try (Stream<Path> s = Files.list(Path.of("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).forEach(docs::add);
        }
        for (Path d : docs) {
            String text = Files.readString(d);
            assertFalse(text.contains("../shared/") || text.contains("shared/seeds"), d + " refers to files a clone does not have");
        }
        String readme = Files.readString(README);
        for (Path d : docs.subList(1, docs.size())) {
            assertTrue(readme.contains("(" + d.toString().replace('\\', '/') + ")"), "the README links " + d);
        }
    }

    private record Result(int code, String out, String err) {
    }

    private static Result run(String command) throws Exception {
        Path out = Files.createTempFile("readme-out", ".txt");
        Path err = Files.createTempFile("readme-err", ".txt");
        try {
            Process p = new ProcessBuilder("bash", "-c", command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertTrue(p.waitFor(180, TimeUnit.SECONDS), command + " did not finish");
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static void awaitServing(Process server) throws Exception {
        BufferedReader err = new BufferedReader(new InputStreamReader(server.getErrorStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        String line;
        while ((line = err.readLine()) != null && System.nanoTime() < deadline) {
            if (line.contains(" serving on http://")) {
                // The access log goes on writing to stderr: drain it so the server never blocks on a full pipe.
                Thread drain = new Thread(() -> {
                    try {
                        while (err.readLine() != null) {
                            // discarded
                        }
                    } catch (Exception e) {
                        // the server stopped
                    }
                }, "readme-serve-stderr");
                drain.setDaemon(true);
                drain.start();
                return;
            }
        }
        fail("serve did not come up");
    }
}
