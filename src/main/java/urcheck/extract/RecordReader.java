package urcheck.extract;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a record file as text: UTF-8 plain text, or a PDF's text layer (PDFBox, {@link PdfText}).
 * Refuses what it cannot honestly read (binary data, a PDF with no text layer or behind a password, a file
 * too big) with a plain message and no quotation from the file.
 */
public final class RecordReader {

    /** Larger than any progress note or RFA packet we expect; a bigger file is refused, not half read. */
    public static final long MAX_BYTES = 20L * 1024 * 1024;
    /** Text beyond this (about 300 pages) is refused: reading it would be slow and the case file useless. */
    public static final int MAX_CHARS = 1_000_000;

    private RecordReader() {
    }

    public static RecordText read(Path file) throws UnreadableRecordException {
        String name = file.toString();
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new UnreadableRecordException(name, "no such file");
        } catch (IOException e) {
            throw new UnreadableRecordException(name, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (size > MAX_BYTES) {
            throw new UnreadableRecordException(name, "too large (" + size + " bytes; the limit is " + MAX_BYTES + ")");
        }
        try {
            return read(name, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UnreadableRecordException(name, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Reads a record from bytes; {@code name} is how messages refer to it. */
    public static RecordText read(String name, byte[] bytes) throws UnreadableRecordException {
        if (bytes.length > MAX_BYTES) {
            throw new UnreadableRecordException(name, "too large (" + bytes.length + " bytes; the limit is " + MAX_BYTES + ")");
        }
        if (bytes.length == 0) {
            throw new UnreadableRecordException(name, "empty file");
        }
        String text = isPdf(bytes) ? PdfText.extract(name, bytes) : plainText(name, bytes);
        if (text.length() > MAX_CHARS) {
            throw new UnreadableRecordException(name, "too much text (" + text.length() + " characters; the limit is "
                    + MAX_CHARS + ")");
        }
        return new RecordText(name, text);
    }

    static boolean isPdf(byte[] b) {
        // the header may follow a little junk (the PDF specification allows it within the first 1024 bytes)
        int limit = Math.min(b.length - 4, 1024);
        for (int i = 0; i < limit; i++) {
            if (b[i] == '%' && b[i + 1] == 'P' && b[i + 2] == 'D' && b[i + 3] == 'F') {
                return true;
            }
        }
        return false;
    }

    private static String plainText(String name, byte[] bytes) throws UnreadableRecordException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UnreadableRecordException(name, "not a text file or a PDF (binary data, or text that is not UTF-8)");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int control = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                throw new UnreadableRecordException(name, "not a text file or a PDF (binary data)");
            }
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                control++;
            }
        }
        if (control > text.length() / 100) {
            throw new UnreadableRecordException(name, "not a text file or a PDF (binary data)");
        }
        if (letters(text) == 0) {
            throw new UnreadableRecordException(name, "no text in the file");
        }
        return text;
    }

    static int letters(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }
}
