package urcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** `serve` refuses what it cannot do, with the documented exit codes. (The server itself: urcheck.server tests.) */
class ServeCommandTest {

    @Test
    void aPortOutOfRangeIsBadInput() {
        CliRun run = CliRun.of("serve", "--port", "70000");
        assertEquals(ExitCode.BAD_INPUT, run.exitCode(), run.err());
        assertTrue(run.err().contains("--port 70000: expected 0-65535"), run.err());
    }

    @Test
    void aPortInUseSaysSoAndExits1() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            CliRun run = CliRun.of("serve", "--host", "127.0.0.1", "--port", String.valueOf(taken.getLocalPort()),
                    "--audit-db", "jdbc:h2:mem:serve-port-in-use");
            assertEquals(ExitCode.INTERNAL_ERROR, run.exitCode(), run.err());
            assertTrue(run.err().contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()), run.err());
            assertEquals("", run.out());
        }
    }

    @Test
    void anUnknownDefaultJurisdictionIsBadInput() {
        CliRun run = CliRun.of("serve", "--jurisdiction", "nevada");
        assertEquals(ExitCode.BAD_INPUT, run.exitCode(), run.err());
        assertTrue(run.err().contains("--jurisdiction nevada: expected california, texas or other"), run.err());
    }

    @Test
    void anAuditStoreThatCannotBeReachedStopsTheServerWithoutShowingThePassword() {
        CliRun run = CliRun.of("serve", "--port", "0", "--audit-db",
                "jdbc:postgresql://127.0.0.1:1/urcheck?user=u&password=s3cret&connectTimeout=2");
        assertEquals(ExitCode.INTERNAL_ERROR, run.exitCode(), run.err());
        assertTrue(run.err().contains("cannot open the audit store jdbc:postgresql://127.0.0.1:1/urcheck?user=u&password=***"), run.err());
        assertTrue(!run.err().contains("s3cret"), run.err());
    }

    @Test
    void helpListsTheOptions() {
        CliRun run = CliRun.of("serve", "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("--port") && run.out().contains("--host") && run.out().contains("--rules")
                && run.out().contains("--jurisdiction") && run.out().contains("--audit-db")
                && run.out().contains("--audit-retention-days"), run.out());
    }
}
