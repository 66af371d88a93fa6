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
 * The partial file ({@code .NAME.PID.RANDOM.partial}) holds answers that quote notes: it is readable by its
 * owner only (0600), removed when the run is stopped (SIGTERM, Ctrl-C), and, when the run was killed outright
 * (SIGKILL, power loss), removed by the next run writing the same --out once its process is gone.
 */
public final class OutputFile implements Closeable {

    private final Path target;
    private final Path temp;
    private final Writer writer;
    private boolean committed;
    private Thread onStop;

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
        removeLeftovers(dir, target.getFileName().toString());
        // createTempFile makes the file 0600 on POSIX file systems: the answers quote the record.
        Path temp = Files.createTempFile(dir, prefix(target.getFileName().toString()) + ProcessHandle.current().pid() + ".", ".partial");
        OutputFile file = new OutputFile(target, temp, writer(temp));
        file.onStop = new Thread(() -> {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // stopping anyway; the next run removes it
            }
        }, "urcheck-partial-cleanup");
        Runtime.getRuntime().addShutdownHook(file.onStop);
        return file;
    }

    private static String prefix(String name) {
        return "." + name + ".";
    }

    /** Partial files of earlier runs on this target whose process is gone (killed before it could clean up). */
    static void removeLeftovers(Path dir, String name) throws IOException {
        String prefix = prefix(name);
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String f = p.getFileName().toString();
                if (!f.startsWith(prefix) || !f.endsWith(".partial")) {
                    continue;
                }
                String rest = f.substring(prefix.length());
                int dot = rest.indexOf('.');
                long pid;
                try {
                    pid = Long.parseLong(dot < 0 ? rest : rest.substring(0, dot));
                } catch (NumberFormatException e) {
                    continue; // not one of ours
                }
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    continue; // a run still writing
                }
                Files.deleteIfExists(p);
            }
        }
    }

    private void forgetStopHook() {
        if (onStop != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(onStop);
            } catch (IllegalStateException e) {
                // already shutting down: the hook runs and finds nothing to remove, or removes the partial file
            }
            onStop = null;
        }
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
        forgetStopHook();
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
                forgetStopHook();
            }
        }
    }
}
