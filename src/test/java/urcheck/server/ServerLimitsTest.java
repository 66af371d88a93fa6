package urcheck.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Issue 13: limits that keep the server answering (slow senders, request ids, a fault in one batch case). */
class ServerLimitsTest {

    @Test
    void healthAnswersUnderThreeHundredSlowUploads() throws Exception {
        // A server of its own, stopped at the end: the slow connections' log lines end with it.
        CheckServer server = CheckServer.start(urcheck.TestCheckers.builtIn(), new CheckServer.Settings("127.0.0.1", 0, null,
                urcheck.audit.AuditStore.open("jdbc:h2:mem:server-limits-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1",
                        java.time.Duration.ofDays(30), false, java.time.Clock.systemUTC())));
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1)
                .connectTimeout(java.time.Duration.ofSeconds(5)).build();
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 300; i++) {
                Socket s = new Socket("127.0.0.1", server.port());
                OutputStream out = s.getOutputStream();
                // Headers promise a body that then trickles: the old server gave each of these a thread for good.
                out.write(("POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 100000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                slow.add(s);
            }
            Thread.sleep(500);
            for (int k = 0; k < 5; k++) {
                long started = System.nanoTime();
                HttpResponse<String> health = client.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + server.port() + "/health")).timeout(java.time.Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
                double seconds = (System.nanoTime() - started) / 1e9;
                assertEquals(200, health.statusCode());
                assertTrue(seconds < 3, "/health took " + seconds + " s under 300 slow uploads");
            }
        } finally {
            for (Socket s : slow) {
                s.close();
            }
            server.close();
            // The cut-off requests log as they end; other tests read the log (AccessLogTest): let them finish.
            Thread.sleep(3_000);
        }
    }

    @Test
    void everyResponseCarriesItsOwnRequestId() throws Exception {
        Set<String> ids = new HashSet<>();
        for (String path : List.of("/health", "/nothing-here", "/v1/criteria")) {
            String id = RunningServer.get(path).headers().firstValue("X-Request-Id").orElse(null);
            assertNotNull(id, path);
            ids.add(id);
        }
        assertEquals(3, ids.size(), ids.toString());
    }

    @Test
    void oneBadCaseInABatchNeverCostsTheOthersTheirAnswers() throws Exception {
        String good = "{\"caseId\": \"good\", \"jurisdiction\": \"texas\", \"items\": [{\"id\": \"1\", \"service\": \"massage_therapy\", \"visits\": 6}]}";
        String hostile = "{\"caseId\": \"bad\", \"jurisdiction\": 1e400, \"items\": [{\"id\": \"1\", \"service\": \"massage_therapy\"}]}";
        HttpResponse<String> r = RunningServer.post("/v1/check/batch", "application/x-ndjson", good + "\n" + hostile + "\n" + good + "\n");
        assertEquals(200, r.statusCode(), r.body());
        String[] lines = r.body().split("\n");
        assertEquals(3, lines.length);
        assertTrue(lines[0].contains("\"status\":200") && lines[2].contains("\"status\":200"), r.body());
        assertTrue(lines[1].contains("\"status\":400") && lines[1].contains("$.jurisdiction"), lines[1]);
    }

    @Test
    void aBatchWhoseClientHasGoneIsAbandoned() throws Exception {
        StringBuilder batch = new StringBuilder();
        String one = "{\"caseId\": \"c\", \"jurisdiction\": \"texas\", \"items\": [{\"id\": \"1\", \"service\": \"diagnostic_medial_branch_block\","
                + " \"levels\": \"L4-5\"}], \"clinical\": {\"radicularSymptoms\": {\"status\": \"absent\"}}}";
        for (int i = 0; i < 1_000; i++) {
            batch.append(one).append('\n');
        }
        byte[] body = batch.toString().getBytes(StandardCharsets.UTF_8);
        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        CheckServer server = CheckServer.start(urcheck.TestCheckers.builtIn(), new CheckServer.Settings("127.0.0.1", 0, null,
                urcheck.audit.AuditStore.open("jdbc:h2:mem:server-limits-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1",
                        java.time.Duration.ofDays(30), false, java.time.Clock.systemUTC())));
        try {
            System.setErr(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
            try (Socket s = new Socket("127.0.0.1", server.port())) {
                OutputStream out = s.getOutputStream();
                out.write(("POST /v1/check/batch HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-ndjson\r\nContent-Length: "
                        + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                Thread.sleep(200); // the batch has started
            } // the client hangs up
            long until = System.currentTimeMillis() + 20_000;
            while (!captured.toString(StandardCharsets.UTF_8).contains("batch abandoned") && System.currentTimeMillis() < until) {
                Thread.sleep(50);
            }
        } finally {
            System.setErr(original);
            server.close();
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("batch abandoned after (\\d+) of 1000 cases").matcher(log);
        assertTrue(m.find(), "the batch was not abandoned:\n" + log);
        assertTrue(Integer.parseInt(m.group(1)) < 1000, log);
    }
}
