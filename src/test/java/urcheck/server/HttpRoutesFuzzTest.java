package urcheck.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import urcheck.fuzz.HostileInput;

/**
 * Hostile variants of fixtures sent to every POST route of the running server: only documented statuses,
 * never a 500, and no error body that repeats the input. Bounded (urcheck.fuzz.cases, README "Errors").
 */
class HttpRoutesFuzzTest {

    private static final Set<Integer> DOCUMENTED = Set.of(200, 400, 404, 413, 415, 422, 503);

    @Test
    void everyPostRouteAnswersHostileBodiesWithDocumentedStatuses() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<Path> cases;
        try (Stream<Path> files = Files.list(Path.of("fixtures/seeds"))) {
            cases = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        JsonNode hook = json.readTree(Path.of("fixtures/fhir/hooks/order-sign-lumbar-mbb.json").toFile());
        int n = Integer.getInteger("urcheck.fuzz.cases", 3) * 10;
        long seed = Long.getLong("urcheck.fuzz.seed", 13L);
        for (int v = 0; v < n; v++) {
            long s = seed * 7919 + v;
            JsonNode original = json.readTree(cases.get(v % cases.size()).toFile());
            byte[] one = HostileInput.variant(s, original);
            expectDocumented("/v1/check", "application/json", one, s);
            ByteArrayOutputStream nd = new ByteArrayOutputStream();
            for (int k = 0; k < 3; k++) {
                nd.writeBytes(HostileInput.variant(s * 3 + k, original));
                nd.write('\n');
            }
            expectDocumented("/v1/check/batch", "application/x-ndjson", nd.toByteArray(), s);
            byte[] array = ("[" + new String(one, java.nio.charset.StandardCharsets.UTF_8) + "]").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            expectDocumented("/v1/check/batch", "application/json", array, s);
            expectDocumented("/cds-services/urcheck-order-sign", "application/json", HostileInput.variant(s, hook), s);
        }
    }

    private static void expectDocumented(String path, String type, byte[] body, long seed) throws Exception {
        HttpResponse<String> r = RunningServer.post(path, type, body);
        String variant = path + " seed " + seed;
        assertTrue(DOCUMENTED.contains(r.statusCode()), variant + ": status " + r.statusCode() + "\n" + r.body());
        if (r.statusCode() >= 400) {
            HostileInput.assertNoInputText(r.body(), variant);
        } else if (path.startsWith("/v1/check/batch")) {
            // Per-case problems inside a 200 batch answer: none may repeat the input either.
            for (String line : r.body().split("\n")) {
                int at = line.indexOf("\"problem\"");
                if (at >= 0) {
                    HostileInput.assertNoInputText(line.substring(at), variant);
                }
            }
        }
    }
}
