package urcheck.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A body kept deflated in chunks reads back as written, whole or as a stream, and NDJSON reads as the JSON array of its lines. */
class ChunkedBodyTest {

    @Test
    void readsBackWhatWasWrittenAcrossChunkBoundaries() throws IOException {
        Random random = new Random(5);
        for (int size : new int[] {0, 1, 65_535, 65_536, 65_537, 300_000}) {
            byte[] data = new byte[size];
            random.nextBytes(data);
            ChunkedBody body = new ChunkedBody();
            for (int at = 0; at < size; ) {
                int n = Math.min(size - at, random.nextInt(5) == 0 ? 1 : random.nextInt(70_000));
                if (n == 1) {
                    body.write(data[at]);
                } else {
                    body.write(data, at, n);
                }
                at += n;
            }
            body.close();
            assertEquals(size, body.size());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            body.writeTo(out);
            assertArrayEquals(data, out.toByteArray(), "writeTo, " + size);
            assertArrayEquals(data, readInPieces(body.inputStream(), random), "stream, " + size);
            assertArrayEquals(data, body.inputStream().readAllBytes(), "readAllBytes, " + size);
        }
    }

    @Test
    void aBodyIsReadOnlyOnceWritten() throws IOException {
        ChunkedBody body = new ChunkedBody();
        body.write("{}".getBytes(StandardCharsets.UTF_8));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, body::inputStream);
        body.close();
        assertEquals("{}", new String(body.inputStream().readAllBytes(), StandardCharsets.UTF_8));
        body.release();
    }

    @Test
    void ndjsonReadsAsTheJsonArrayOfItsLines() throws IOException {
        Random random = new Random(6);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            lines.add("{\"i\":" + i + ",\"s\":\"" + "x—é".repeat(random.nextInt(9_000)) + "\"}");
        }
        for (int n : new int[] {1, 2, 40}) {
            ChunkedBody body = new ChunkedBody();
            for (String l : lines.subList(0, n)) {
                body.write((l + "\n").getBytes(StandardCharsets.UTF_8));
            }
            body.close();
            String expected = "[" + String.join(",", lines.subList(0, n)) + "]";
            assertEquals(expected, new String(readInPieces(body.ndjsonAsArray(), random), StandardCharsets.UTF_8), n + " lines");
            InputStream single = body.ndjsonAsArray();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (int b = single.read(); b >= 0; b = single.read()) {
                bytes.write(b);
            }
            assertEquals(expected, bytes.toString(StandardCharsets.UTF_8), n + " lines, byte by byte");
        }
    }

    private static byte[] readInPieces(InputStream in, Random random) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[100_000];
        for (int n = in.read(buf, 0, 1 + random.nextInt(buf.length)); n >= 0; n = in.read(buf, 0, 1 + random.nextInt(buf.length))) {
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}
