package urcheck.server;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import urcheck.TestCheckers;
import urcheck.cli.Main;

/** One server for the test run, on a free loopback port, with the shared rule base; and a client for it. */
final class RunningServer {

    private static CheckServer server;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private RunningServer() {
    }

    static synchronized CheckServer get() {
        if (server == null) {
            server = CheckServer.start(TestCheckers.builtIn(), new CheckServer.Settings("127.0.0.1", 0, null,
                    urcheck.audit.AuditStore.open("jdbc:h2:mem:running-server;DB_CLOSE_DELAY=-1", java.time.Duration.ofDays(30),
                            false, java.time.Clock.systemUTC())));
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return server;
    }

    static URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + get().port() + pathAndQuery);
    }

    static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    static HttpResponse<String> post(String path, String contentType, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b.build());
    }

    static HttpResponse<String> post(String path, String contentType, String body) throws IOException, InterruptedException {
        return post(path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpClient client() {
        return CLIENT;
    }

    static List<Path> seeds() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("fixtures/seeds"))) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    /** What the command line prints for {@code args}; the HTTP answers must be the same. */
    static String cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        if (code != 0) {
            throw new AssertionError("urcheck " + String.join(" ", args) + " exited " + code + ": " + err);
        }
        return out.toString();
    }
}
