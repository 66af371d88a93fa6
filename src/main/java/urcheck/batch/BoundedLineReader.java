package urcheck.batch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Reads a batch line by line like {@link BufferedReader}, but a line longer than {@link #MAX_CHARS} is not
 * held: it is read to its end and dropped, and {@link #readLine()} returns {@link #TOO_LONG} in its place, so
 * that line gets an error record and the run goes on. One 20 MB line used to exhaust the launcher's batch heap.
 */
public final class BoundedLineReader extends BufferedReader {

    /** 4 Mi characters: a real case file is kilobytes; the HTTP API takes at most 1 MiB for one. */
    public static final int MAX_CHARS = 4 << 20;
    /** Stands for a line that was too long (compared by identity: no real line is this instance). */
    @SuppressWarnings("StringOperationCanBeSimplified")
    public static final String TOO_LONG = new String("(line too long)");

    private final Reader in;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int len;

    public BoundedLineReader(Reader in) {
        super(in, 1);
        this.in = in;
    }

    @Override
    public String readLine() throws IOException {
        StringBuilder line = null;
        boolean tooLong = false;
        while (true) {
            if (pos == len) {
                len = in.read(buf, 0, buf.length);
                pos = 0;
                if (len <= 0) {
                    len = 0;
                    if (line == null && !tooLong) {
                        return null;
                    }
                    return tooLong ? TOO_LONG : line.toString();
                }
            }
            int start = pos;
            while (pos < len && buf[pos] != '\n') {
                pos++;
            }
            if (line == null) {
                line = new StringBuilder(Math.min(pos - start + 16, 1 << 16));
            }
            if (!tooLong) {
                if (line.length() + (pos - start) > MAX_CHARS) {
                    tooLong = true;
                    line.setLength(0);
                    line.trimToSize();
                } else {
                    line.append(buf, start, pos - start);
                }
            }
            if (pos < len) {
                pos++; // the '\n'
                if (tooLong) {
                    return TOO_LONG;
                }
                int n = line.length();
                if (n > 0 && line.charAt(n - 1) == '\r') {
                    line.setLength(n - 1);
                }
                return line.toString();
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
