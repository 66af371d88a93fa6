package urcheck.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Request logs say method, path, status, time and sizes, on stderr, and nothing of what a case says. */
class AccessLogTest {

    private static final String MARK = "Jane-Roe-PHI-7731";

    @Test
    void logsEachRequestWithoutItsContents() throws Exception {
        RunningServer.get();
        String good = "{\"caseId\": \"" + MARK + "\", \"jurisdiction\": \"texas\", \"items\": [{\"id\": \"1\","
                + " \"service\": \"diagnostic_medial_branch_block\", \"region\": \"lumbar\", \"levels\": \"L4-5\"}],"
                + " \"clinical\": {\"radicularSymptoms\": {\"status\": \"present\", \"note\": \"" + MARK + " sciatica\"}}}";
        String bad = "{\"caseId\": \"" + MARK + "\", \"jurisdiction\": \"texas\", \"items\": [{\"id\": \"1\","
                + " \"service\": \"diagnostic_medial_branch_block\", \"levels\": \"" + MARK + "\"}]}";
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            assertEquals(200, RunningServer.post("/v1/check", "application/json", good).statusCode());
            assertEquals(400, RunningServer.post("/v1/check", "application/json", bad).statusCode());
            assertEquals(200, RunningServer.post("/v1/check/batch", "application/json", "[" + good + "," + bad + "]").statusCode());
            assertEquals(404, RunningServer.get("/v1/" + "nope?q=" + MARK).statusCode());
            // The log line is written after the answer has gone out: give it a moment.
            long until = System.currentTimeMillis() + 5_000;
            while (captured.toString(StandardCharsets.UTF_8).lines().count() < 4 && System.currentTimeMillis() < until) {
                Thread.sleep(20);
            }
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        List<String> lines = log.lines().toList();
        assertFalse(log.contains(MARK), "the log repeats case contents:\n" + log);
        Pattern line = Pattern.compile("INFO urcheck\\.http - \\d{4}-\\d\\d-\\d\\dT\\S+Z (GET|POST) (\\S+) (\\d{3}) \\d+\\.\\d\\dms in=(\\d+)B out=(\\d+)B id=[0-9a-f]+-\\d+");
        assertEquals(4, lines.size(), log);
        // Lines are written as requests complete, so their order is not asserted.
        List<String> seen = new ArrayList<>();
        for (String l : lines) {
            Matcher m = line.matcher(l);
            assertTrue(m.matches(), l);
            seen.add(m.group(1) + " " + m.group(2) + " " + m.group(3));
            if (m.group(2).startsWith("/v1/check")) {
                assertTrue(Long.parseLong(m.group(4)) > 0 && Long.parseLong(m.group(5)) > 0, l);
            }
            if (m.group(3).equals("200") && m.group(2).equals("/v1/check")) {
                assertEquals(good.getBytes(StandardCharsets.UTF_8).length, Long.parseLong(m.group(4)), l);
            }
        }
        Collections.sort(seen);
        assertEquals(List.of("GET /v1/nope 404", "POST /v1/check 200", "POST /v1/check 400", "POST /v1/check/batch 200"), seen);
    }

    @Test
    void lineFormat() {
        assertEquals("2026-11-22T12:00:59.850Z POST /v1/check 200 1.05ms in=2296B out=9442B",
                AccessLog.line(Instant.parse("2026-11-22T12:00:59.850Z"), "POST", "/v1/check", 200, 1.049, 2296, 9442));
        assertEquals("2026-11-22T12:00:59Z GET / 404 1039.30ms in=0B out=0B",
                AccessLog.line(Instant.parse("2026-11-22T12:00:59Z"), "GET", "/", 404, 1039.3, 0, 0));
    }

    @Test
    void aClientChosenPathCannotBreakTheLogLine() {
        assertEquals("/a?b?c", AccessLog.printable("/a\nb\tc"));
        assertTrue(AccessLog.printable("/" + "x".repeat(500)).length() < 210);
    }
}
