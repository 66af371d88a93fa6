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
            CliRun run = CliRun.of("serve", "--host", "127.0.0.1", "--port", String.valueOf(taken.getLocalPort()));
            assertEquals(ExitCode.INTERNAL_ERROR, run.exitCode(), run.err());
            assertTrue(run.err().contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()), run.err());
            assertEquals("", run.out());
        }
    }

    @Test
    void helpListsTheOptions() {
        CliRun run = CliRun.of("serve", "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("--port") && run.out().contains("--host") && run.out().contains("--rules"), run.out());
    }
}
