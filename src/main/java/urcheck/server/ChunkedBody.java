package urcheck.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * A response body built in 64 KiB chunks, kept deflated: a batch's answer grows to megabytes (11 MB for 1,000
 * generated cases), four batches run at once, and the server's heap is small (docs/speed.md). Deflated at the
 * fastest level it is about a seventh of that (1.6 MB), for some 0.1 s of CPU per 1,000 cases to deflate and read
 * it back twice (the audit record, the response), against seconds to check them. Nothing is joined into one array:
 * it is sent and recorded by streaming from the chunks. Write it all, {@link #close()} it, then read it as often as
 * needed; {@link #release()} frees the compressor's native memory. Not thread-safe; one request's.
 */
final class ChunkedBody extends OutputStream {

    private static final int CHUNK = 64 * 1024;

    private final Chunks deflated = new Chunks();
    private final Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
    private final DeflaterOutputStream deflating = new DeflaterOutputStream(deflated, deflater, CHUNK);
    private long size;
    private boolean closed;

    @Override
    public void write(int b) throws IOException {
        deflating.write(b);
        size++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        deflating.write(b, off, len);
        size += len;
    }

    /** Ends the writing; the body can be read from now on. */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            deflating.finish();
            deflater.end();
        }
    }

    /** The size of the body as sent (inflated). */
    long size() {
        return size;
    }

    void writeTo(OutputStream out) throws IOException {
        try (InputStream body = inputStream()) {
            body.transferTo(out);
        }
    }

    /** The body as sent, inflated from the chunks as it is read; close it to free the inflater. */
    InputStream inputStream() {
        if (!closed) {
            throw new IllegalStateException("the body is still being written");
        }
        Inflater inflater = new Inflater(true);
        return new InflaterInputStream(deflated.inputStream(), inflater, CHUNK) {
            private boolean ended;

            @Override
            public void close() throws IOException {
                if (!ended) {
                    ended = true;
                    inflater.end();
                }
                super.close();
            }
        };
    }

    /** Frees the compressor when the body was never finished (a batch given up half-way). */
    void release() {
        deflater.end();
    }

    /** The deflated bytes, in chunks. */
    private static final class Chunks extends OutputStream {
        private final List<byte[]> chunks = new ArrayList<>();
        private byte[] current = new byte[CHUNK];
        private int used;

        @Override
        public void write(int b) {
            if (used == current.length) {
                next();
            }
            current[used++] = (byte) b;
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
            }
        }

        private void next() {
            chunks.add(current);
            current = new byte[CHUNK];
            used = 0;
        }

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
            public void close() throws IOException {
                lines.close();
            }

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
