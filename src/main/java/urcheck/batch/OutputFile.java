package urcheck.batch;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A batch's --out file. Written under a temporary name beside it and renamed into place only when the
 * whole input has been answered, so a run that dies half-way never leaves a file that looks finished.
 * A target that is not a regular file (/dev/null, a named pipe) is written directly.
 */
public final class OutputFile implements Closeable {

    private final Path target;
    private final Path temp;
    private final Writer writer;
    private boolean committed;

    private OutputFile(Path target, Path temp, Writer writer) {
        this.target = target;
        this.temp = temp;
        this.writer = writer;
    }

    public static OutputFile open(Path target) throws IOException {
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            return new OutputFile(target, null, writer(target));
        }
        Path dir = target.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".partial");
        return new OutputFile(target, temp, writer(temp));
    }

    private static Writer writer(Path p) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(p), StandardCharsets.UTF_8), 1 << 16);
    }

    public Writer writer() {
        return writer;
    }

    /** The input was read to its end: put the file in place. */
    public void commit() throws IOException {
        writer.close();
        if (temp != null) {
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        committed = true;
    }

    /** Without a commit, removes the partial file: nothing is left that looks like a result. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            try {
                writer.close();
            } finally {
                if (temp != null) {
                    Files.deleteIfExists(temp);
                }
            }
        }
    }
}
