package urcheck.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A response body built in 64 KiB chunks: a batch's answer grows to megabytes, and neither growing one array
 * (each doubling a copy) nor joining the chunks at the end (a second copy of it all) is needed to send it or to
 * keep it in the audit record. Not thread-safe; one request's.
 */
final class ChunkedBody extends OutputStream {

    private static final int CHUNK = 64 * 1024;

    private final List<byte[]> chunks = new ArrayList<>();
    private byte[] current = new byte[CHUNK];
    private int used;
    private long size;

    @Override
    public void write(int b) {
        if (used == current.length) {
            next();
        }
        current[used++] = (byte) b;
        size++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        while (len > 0) {
            if (used == current.length) {
                next();
            }
            int n = Math.min(len, current.length - used);
            System.arraycopy(b, off, current, used, n);
            used += n;
            off += n;
            len -= n;
            size += n;
        }
    }

    private void next() {
        chunks.add(current);
        current = new byte[CHUNK];
        used = 0;
    }

    long size() {
        return size;
    }

    void writeTo(OutputStream out) throws IOException {
        for (byte[] c : chunks) {
            out.write(c);
        }
        out.write(current, 0, used);
    }

    /** The bytes as a stream, from the chunks themselves (no copy). */
    InputStream inputStream() {
        return new InputStream() {
            private int chunk;
            private int at;

            private byte[] array() {
                return chunk < chunks.size() ? chunks.get(chunk) : current;
            }

            private int limit() {
                return chunk < chunks.size() ? CHUNK : used;
            }

            private boolean advance() {
                while (at == limit()) {
                    if (chunk >= chunks.size()) {
                        return false;
                    }
                    chunk++;
                    at = 0;
                }
                return true;
            }

            @Override
            public int read() {
                return advance() ? array()[at++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (len == 0) {
                    return 0;
                }
                if (!advance()) {
                    return -1;
                }
                int n = Math.min(len, limit() - at);
                System.arraycopy(array(), at, b, off, n);
                at += n;
                return n;
            }
        };
    }

    /**
     * Compact NDJSON lines read as the compact JSON array of the same values ("[" + the lines joined by "," + "]"):
     * a compact line has no raw line break inside (JSON escapes them in strings), so every one ends a line.
     */
    InputStream ndjsonAsArray() {
        InputStream lines = inputStream();
        long total = size;
        return new InputStream() {
            private long read;
            private boolean opened;

            @Override
            public int read() throws IOException {
                if (!opened) {
                    opened = true;
                    return '[';
                }
                int b = lines.read();
                if (b < 0) {
                    return -1;
                }
                read++;
                return b != '\n' ? b : read == total ? ']' : ',';
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                int start = off;
                if (!opened) {
                    opened = true;
                    buf[off++] = '[';
                    len--;
                }
                int n = len == 0 ? 0 : lines.read(buf, off, len);
                if (n < 0) {
                    return off > start ? off - start : -1;
                }
                for (int i = off; i < off + n; i++) {
                    read++;
                    if (buf[i] == '\n') {
                        buf[i] = (byte) (read == total ? ']' : ',');
                    }
                }
                return off + n - start;
            }
        };
    }
}
