package urcheck.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 10, item 6: what cannot honestly be read is refused in plain words, never quoted. */
class RecordReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsPlainText() throws Exception {
        Path f = Files.writeString(dir.resolve("note.txt"), "\uFEFFPlan: request L4-5 MBB.\n");
        RecordText r = RecordReader.read(f);
        assertEquals("Plan: request L4-5 MBB.\n", r.text(), "a byte-order mark is not part of the text");
    }

    @Test
    void readsAPdfTextLayer() throws Exception {
        Path f = Files.write(dir.resolve("note.pdf"), TestPdfs.text(List.of("HPI: axial low back pain.", "Plan: request bilateral L4-5 MBB.")));
        String text = RecordReader.read(f).text();
        assertTrue(text.contains("axial low back pain"), text);
        assertTrue(text.contains("bilateral L4-5 MBB"), text);
    }

    @Test
    void aScannedPdfHasNoTextLayer() throws Exception {
        Path f = Files.write(dir.resolve("scan.pdf"), TestPdfs.scanned(3));
        UnreadableRecordException e = assertThrows(UnreadableRecordException.class, () -> RecordReader.read(f));
        assertTrue(e.getMessage().contains("no text layer"), e.getMessage());
        assertTrue(e.getMessage().startsWith(f.toString()), "names the file");
    }

    @Test
    void anEncryptedPdfIsRefused() throws Exception {
        Path f = Files.write(dir.resolve("locked.pdf"), TestPdfs.encrypted(List.of("Patient Jane Roe, secret words.")));
        UnreadableRecordException e = assertThrows(UnreadableRecordException.class, () -> RecordReader.read(f));
        assertTrue(e.getMessage().contains("encrypted PDF"), e.getMessage());
        assertFalse(e.getMessage().contains("Roe"));
    }

    @Test
    void aDamagedPdfIsRefused() throws Exception {
        Path f = Files.writeString(dir.resolve("bad.pdf"), "%PDF-1.7\nthis is not really a pdf Jane Roe\n");
        UnreadableRecordException e = assertThrows(UnreadableRecordException.class, () -> RecordReader.read(f));
        assertTrue(e.getMessage().contains("not a readable PDF"), e.getMessage());
        assertFalse(e.getMessage().contains("Roe"));
    }

    @Test
    void binaryJunkIsRefused() throws Exception {
        byte[] junk = new byte[4096];
        new Random(10).nextBytes(junk);
        Path f = Files.write(dir.resolve("junk.txt"), junk);
        UnreadableRecordException e = assertThrows(UnreadableRecordException.class, () -> RecordReader.read(f));
        assertTrue(e.getMessage().contains("not a text file or a PDF"), e.getMessage());
    }

    @Test
    void textWithNulBytesIsRefused() throws Exception {
        Path f = Files.write(dir.resolve("nul.txt"), "Plan: MBB\u0000\u0000".getBytes(StandardCharsets.UTF_8));
        assertThrows(UnreadableRecordException.class, () -> RecordReader.read(f));
    }

    @Test
    void anOversizedFileIsRefusedWithoutReadingIt() throws IOException {
        Path f = dir.resolve("huge.txt");
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(RecordReader.MAX_BYTES + 1);
        }
        UnreadableRecordException e = assertThrows(UnreadableRecordException.class, () -> RecordReader.read(f));
        assertTrue(e.getMessage().contains("too large"), e.getMessage());
    }

    @Test
    void emptyAndMissingFiles() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        assertTrue(assertThrows(UnreadableRecordException.class, () -> RecordReader.read(empty)).getMessage().contains("empty"));
        assertTrue(assertThrows(UnreadableRecordException.class, () -> RecordReader.read(dir.resolve("none.txt")))
                .getMessage().contains("no such file"));
    }
}
