package urcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import urcheck.batch.BoundedLineReader;
import urcheck.batch.OutputFile;

/** Issue 13: what the command line did with input that is not a case file, or is one that attacks. */
class HostileCommandLineTest {

    @TempDir
    Path dir;

    private static final String CASE = "{\"caseId\": \"c\", \"jurisdiction\": \"texas\", \"items\": [{\"id\": \"1\","
            + " \"service\": \"massage_therapy\", \"visits\": 6, \"request\": \"REQ\"}]}";

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aDeviceIsRefusedNotReadToTheEnd() {
        CliRun run = CliRun.of("check", "/dev/zero");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("/dev/zero: $: is not a regular file"), run.err());
        assertEquals("", run.out());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aFifoIsRefusedInsteadOfBlocking() throws Exception {
        Path fifo = dir.resolve("case.json");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mk.waitFor());
        CliRun run = CliRun.of("check", fifo.toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("is not a regular file"), run.err());
    }

    @Test
    void absurdThreadCountsAreAUsageError() throws Exception {
        Path in = Files.writeString(dir.resolve("in.jsonl"), CASE + "\n");
        CliRun run = CliRun.of("check", "--batch", in.toString(), "--threads", "2147483647");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("expected 1 to 256"), run.err());
    }

    @Test
    void anOverlongBatchLineIsThatLinesErrorAndTheRunGoesOn() throws Exception {
        StringBuilder big = new StringBuilder("{\"caseId\": \"big\", \"x\": \"");
        big.append("a".repeat(BoundedLineReader.MAX_CHARS + 10)).append("\"}");
        Path in = Files.writeString(dir.resolve("in.jsonl"), CASE + "\n" + big + "\n" + CASE + "\n");
        CliRun run = CliRun.of("check", "--batch", in.toString(), "--no-progress");
        assertEquals(2, run.exitCode(), run.err());
        String[] lines = run.out().split("\n");
        assertEquals(3, lines.length);
        assertTrue(lines[1].contains("\"line\":2") && lines[1].contains("longer than"), lines[1]);
        assertTrue(lines[2].contains("\"caseId\":\"c\""), lines[2]);
    }

    @Test
    void controlCharactersInACaseAreShownNotObeyed() throws Exception {
        Path f = Files.writeString(dir.resolve("case.json"), CASE.replace("REQ", "massage \\u001b[2J\\u001b]0;owned\\u0007 x"));
        CliRun run = CliRun.of("check", f.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertFalse(run.out().contains("\u001b") || run.out().contains("\u0007"), "raw escape in the text report");
        assertTrue(run.out().contains("massage \\u001b[2J"), run.out());
    }

    @Test
    void aKilledRunsPartialFileIsRemovedByTheNextAndPartialsAreOwnerOnly() throws Exception {
        Path out = dir.resolve("answers.jsonl");
        // A run killed outright (SIGKILL) leaves this; pid 2^22+1 is above Linux's pid_max, so never alive.
        Path leftover = Files.writeString(dir.resolve(".answers.jsonl.4194305.123.partial"), "{\"quotes\": \"notes\"}\n");
        Path notOurs = Files.writeString(dir.resolve(".answers.jsonl.backup.partial"), "x");
        try (OutputFile file = OutputFile.open(out)) {
            assertFalse(Files.exists(leftover), "the dead run's partial file is removed");
            assertTrue(Files.exists(notOurs), "a file that is not a run's partial is kept");
            try (var partials = Files.list(dir)) {
                Path mine = partials.filter(p -> p.getFileName().toString().contains("." + ProcessHandle.current().pid() + "."))
                        .findFirst().orElseThrow();
                assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                        Files.getPosixFilePermissions(mine));
            }
            file.writer().write("x\n");
            file.commit();
        }
        assertEquals("x\n", Files.readString(out, StandardCharsets.UTF_8));
    }
}
