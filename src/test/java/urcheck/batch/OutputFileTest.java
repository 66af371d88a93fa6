package urcheck.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A batch that stops half-way leaves no file that looks like a finished result. */
class OutputFileTest {

    @TempDir
    Path dir;

    @Test
    void withoutCommitNothingIsLeft() throws Exception {
        Path target = dir.resolve("answers.jsonl");
        try (OutputFile f = OutputFile.open(target)) {
            f.writer().write("{\"half\":true}\n");
        }
        assertFalse(Files.exists(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void anEarlierFileStaysUntilTheNewOneIsComplete() throws Exception {
        Path target = dir.resolve("answers.jsonl");
        Files.writeString(target, "old\n");
        try (OutputFile f = OutputFile.open(target)) {
            f.writer().write("new\n");
            f.writer().flush();
            assertEquals("old\n", Files.readString(target));
            f.commit();
        }
        assertEquals("new\n", Files.readString(target));
    }
}
