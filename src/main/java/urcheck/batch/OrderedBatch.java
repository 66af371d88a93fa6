package urcheck.batch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a function over the lines of a stream on several threads and hands the results on in input
 * order. Lines travel in chunks (one task per chunk keeps hand-over costs small next to the work);
 * at most {@code chunksInFlight} chunks are read ahead of the writer, so memory stays flat however
 * long the stream is.
 */
public final class OrderedBatch<R> {

    /** What is done with one line; runs on a worker thread, so it must be thread-safe. */
    @FunctionalInterface
    public interface Work<R> {
        R apply(long lineNumber, String line);
    }

    /**
     * What is done with a chunk of lines at once (the batch check shares rule sessions within a chunk); returns one
     * result per line, in order. Runs on a worker thread, so it must be thread-safe.
     */
    @FunctionalInterface
    public interface ChunkWork<R> {
        List<R> apply(long firstLine, List<String> lines);
    }

    /** Where results go, one at a time, in input order, on one thread. */
    @FunctionalInterface
    public interface Sink<R> {
        void accept(long lineNumber, R result) throws IOException;
    }

    private static final int CHUNK_LINES = 128;

    private final int threads;
    private final int chunksInFlight;

    public OrderedBatch(int threads) {
        this.threads = Math.max(1, threads);
        this.chunksInFlight = this.threads * 4;
    }

    private record Chunk<R>(long firstLine, CompletableFuture<List<R>> results) {
    }

    /** Reads {@code in} to its end; returns the number of lines. Stops at the first failure of the sink. */
    public long run(BufferedReader in, Work<R> work, Sink<R> sink) throws IOException {
        return runChunks(in, perLine(work), sink);
    }

    /** A chunk's work that does {@code work} to each of its lines in turn. */
    public static <R> ChunkWork<R> perLine(Work<R> work) {
        return (first, lines) -> {
            List<R> out = new ArrayList<>(lines.size());
            for (int i = 0; i < lines.size(); i++) {
                out.add(work.apply(first + i, lines.get(i)));
            }
            return out;
        };
    }

    /** Like {@link #run}, each chunk of lines handed to {@code work} whole. */
    public long runChunks(BufferedReader in, ChunkWork<R> work, Sink<R> sink) throws IOException {
        AtomicInteger ids = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "urcheck-batch-" + ids.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        BlockingQueue<Chunk<R>> pending = new ArrayBlockingQueue<>(chunksInFlight);
        Chunk<R> end = new Chunk<>(-1, null);
        Writer<R> writer = new Writer<>(pending, end, sink);
        Thread writing = new Thread(writer, "urcheck-batch-writer");
        writing.setDaemon(true);
        writing.start();
        long lines = 0;
        try {
            List<String> chunk = new ArrayList<>(CHUNK_LINES);
            long first = 1;
            String line;
            while (writer.failure == null && (line = in.readLine()) != null) {
                chunk.add(line);
                lines++;
                if (chunk.size() == CHUNK_LINES) {
                    submit(pool, pending, first, chunk, work);
                    first = lines + 1;
                    chunk = new ArrayList<>(CHUNK_LINES);
                }
            }
            if (!chunk.isEmpty() && writer.failure == null) {
                submit(pool, pending, first, chunk, work);
            }
            put(pending, end);
            writing.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
        if (writer.failure instanceof IOException io) {
            throw io;
        }
        if (writer.failure instanceof RuntimeException re) {
            throw re;
        }
        if (writer.failure != null) {
            throw new IllegalStateException(writer.failure);
        }
        return lines;
    }

    private void submit(ExecutorService pool, BlockingQueue<Chunk<R>> pending, long first, List<String> lines,
                        ChunkWork<R> work) throws InterruptedException {
        CompletableFuture<List<R>> results = CompletableFuture.supplyAsync(() -> {
            List<R> out = work.apply(first, lines);
            if (out.size() != lines.size()) {
                throw new IllegalStateException(out.size() + " results for a chunk of " + lines.size() + " lines");
            }
            return out;
        }, pool);
        put(pending, new Chunk<>(first, results));
    }

    /** Blocks while the writer is behind: this is what bounds memory. */
    private static <R> void put(BlockingQueue<Chunk<R>> pending, Chunk<R> chunk) throws InterruptedException {
        pending.put(chunk);
    }

    private static final class Writer<R> implements Runnable {
        private final BlockingQueue<Chunk<R>> pending;
        private final Chunk<R> end;
        private final Sink<R> sink;
        volatile Throwable failure;

        Writer(BlockingQueue<Chunk<R>> pending, Chunk<R> end, Sink<R> sink) {
            this.pending = pending;
            this.end = end;
            this.sink = sink;
        }

        @Override
        public void run() {
            try {
                for (Chunk<R> c = pending.take(); c != end; c = pending.take()) {
                    if (failure != null) {
                        continue; // drain so the reader never blocks on a full queue
                    }
                    try {
                        List<R> results = c.results().get();
                        for (int i = 0; i < results.size(); i++) {
                            sink.accept(c.firstLine() + i, results.get(i));
                        }
                    } catch (ExecutionException e) {
                        failure = e.getCause();
                    } catch (IOException | RuntimeException e) {
                        failure = e;
                    }
                }
            } catch (InterruptedException e) {
                failure = e;
                Thread.currentThread().interrupt();
            } catch (UncheckedIOException e) {
                failure = e.getCause();
            }
        }
    }
}
