package urcheck.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import urcheck.Checker;
import urcheck.batch.CaseLines;
import urcheck.batch.OrderedBatch;
import urcheck.casefile.CaseFile;
import urcheck.casefile.InvalidCaseFileException;

/**
 * The benchmark behind README "Speed", in one run on one machine: (a) the JSON floor, (b) the full check
 * on one thread and on all cores, over generated cases; (c) cold-start wall time of the launcher on one
 * seed case, whole process; (d) peak memory of a batch run in a child process fed through stdin.
 * Measures and prints; asserts nothing (targets are goals, reported as met or not).
 */
public final class Benchmark {

    /** What to run. {@code launcher} is bin/urcheck; {@code jar} the fat jar, for the plain-JVM comparison. */
    public record Settings(int cases, long seed, int threads, int repeats, int coldRuns, Path launcher, Path jar,
                           Path seedCase, Path rulesDir, long memoryCases) {
    }

    /**
     * One pass over the generated file: wall time, and the CPU time of the whole process (all threads,
     * GC included), which a machine shared with other work disturbs less than wall time.
     */
    public record Rate(String what, int threads, long cases, double seconds, double cpuSeconds) {
        public double perSecond() {
            return cases / seconds;
        }

        public double cpuMicrosPerCase() {
            return cpuSeconds * 1e6 / cases;
        }
    }

    private final Settings settings;
    private final Checker checker;
    private final PrintWriter log;
    private final ObjectMapper json = new ObjectMapper();

    public Benchmark(Settings settings, Checker checker, PrintWriter log) {
        this.settings = settings;
        this.checker = checker;
        this.log = log;
    }

    public BenchReport run() throws IOException, InterruptedException {
        Path file = Files.createTempFile("urcheck-bench-", ".jsonl");
        try {
            long bytes = generate(file);
            say("generated %,d cases (seed %d), %,d bytes, in %s", settings.cases(), settings.seed(), bytes, file);
            requireValid(file);
            CaseLines check = new CaseLines(checker, null, "bench");
            OrderedBatch.ChunkWork<String> floor = OrderedBatch.perLine((n, line) -> {
                try {
                    return json.writeValueAsString(json.readTree(line));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            OrderedBatch.ChunkWork<String> readOnly = OrderedBatch.perLine((n, line) -> {
                try {
                    checker.reader().read("bench", line.getBytes(StandardCharsets.UTF_8));
                    return "";
                } catch (InvalidCaseFileException e) {
                    throw new IllegalStateException(e.getMessage());
                }
            });
            OrderedBatch.ChunkWork<String> rulesOnly = (first, lines) -> {
                List<CaseFile> files = new ArrayList<>(lines.size());
                for (String line : lines) {
                    try {
                        files.add(checker.reader().read("bench", line.getBytes(StandardCharsets.UTF_8)));
                    } catch (InvalidCaseFileException e) {
                        throw new IllegalStateException(e.getMessage());
                    }
                }
                return checker.evaluateAll(files, null).stream().map(e -> Integer.toString(e.results().size())).toList();
            };
            // What check --batch does: a chunk's cases share their rule sessions (CaseChecker.checkAll) ...
            OrderedBatch.ChunkWork<String> full = lines(check);
            // ... and, to show what sharing buys in the same run, a session per case as a one-case check has.
            OrderedBatch.ChunkWork<String> alone = OrderedBatch.perLine((n, line) -> check.check(n, line).json());
            // check --batch --compact (the answer's texts are the catalogue's, by criterion id), and with
            // --trusted-input too (no schema validation; each line says so)
            OrderedBatch.ChunkWork<String> compact = lines(new CaseLines(checker, null, "bench", false, true));
            OrderedBatch.ChunkWork<String> fast = lines(new CaseLines(checker, null, "bench", true, true));
            int all = settings.threads();
            say("warming up (a full pass of each kind of work, all cores)");
            pass("warm-up", file, all, floor);
            pass("warm-up", file, all, readOnly);
            pass("warm-up", file, all, full);
            pass("warm-up", file, all, fast);
            String loadBefore = loadAverage();
            List<Rate> rates = new ArrayList<>();
            for (String what : List.of("json-floor", "read-validate", "read-rules", "full-check-alone", "full-check", "compact-check", "fast-check")) {
                OrderedBatch.ChunkWork<String> work = switch (what) {
                    case "json-floor" -> floor;
                    case "full-check-alone" -> alone;
                    case "read-validate" -> readOnly;
                    case "read-rules" -> rulesOnly;
                    case "compact-check" -> compact;
                    case "fast-check" -> fast;
                    default -> full;
                };
                for (int threads : all == 1 ? List.of(1) : List.of(1, all)) {
                    Rate best = null;
                    for (int r = 0; r < settings.repeats(); r++) {
                        Rate rate = pass(what, file, threads, work);
                        say("  %-14s %d thread(s): %,10.0f cases/s (%.2f s; %.0f us CPU per case; load %s)", what, threads,
                                rate.perSecond(), rate.seconds(), rate.cpuMicrosPerCase(), loadAverage());
                        if (best == null || rate.perSecond() > best.perSecond()) {
                            best = rate;
                        }
                    }
                    rates.add(best);
                }
            }
            say("where the CPU goes, phase by phase (one thread)");
            List<PhaseTable.Phase> phases = new PhaseTable(checker).measure(firstLines(file, PHASE_CASES), Math.max(1, settings.repeats()));
            ColdStart cold = new ColdStart(settings, log);
            List<ColdStart.Timing> starts = cold.measure();
            BatchMemory.Result memory = new BatchMemory(settings, log).measure();
            return new BenchReport(settings, Runtime.getRuntime().availableProcessors(), rates, phases, starts, memory,
                    loadBefore + " before the measurements, " + loadAverage() + " after");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Cases for the phase table: enough for stable figures, few enough to hold every phase's output. */
    private static final int PHASE_CASES = 20_000;

    private static List<String> firstLines(Path file, int max) throws IOException {
        try (java.util.stream.Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.limit(max).toList();
        }
    }

    private long generate(Path file) throws IOException {
        CaseGenerator generator = new CaseGenerator(settings.seed());
        try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
            for (int i = 0; i < settings.cases(); i++) {
                w.write(generator.nextLine());
                w.write('\n');
            }
        }
        return Files.size(file);
    }

    /** The generated cases must be valid case files, or the numbers would measure error handling. */
    private void requireValid(Path file) throws IOException {
        CaseLines check = new CaseLines(checker, null, "generated");
        AtomicLong bad = new AtomicLong();
        try (BufferedReader in = Files.newBufferedReader(file)) {
            new OrderedBatch<CaseLines.Result>(settings.threads()).runChunks(in, check::checkChunk, (n, r) -> {
                if (r.kind() != CaseLines.Kind.CHECKED && bad.getAndIncrement() < 5) {
                    log.println(r.report());
                }
            });
        }
        if (bad.get() > 0) {
            throw new IllegalStateException(bad.get() + " generated case(s) were not checked; see above");
        }
    }

    private static OrderedBatch.ChunkWork<String> lines(CaseLines check) {
        return (first, lines) -> check.checkChunk(first, lines).stream().map(CaseLines.Result::json).toList();
    }

    private Rate pass(String what, Path file, int threads, OrderedBatch.ChunkWork<String> work) throws IOException {
        long cpu = processCpuNanos();
        long started = System.nanoTime();
        long lines;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CountingWriter out = new CountingWriter()) {
            lines = new OrderedBatch<String>(threads).runChunks(in, work, (n, s) -> {
                out.write(s);
                out.write('\n');
            });
        }
        return new Rate(what, threads, lines, (System.nanoTime() - started) / 1e9, (processCpuNanos() - cpu) / 1e9);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The machine's load average (1, 5, 15 min): other work on a shared machine lowers every rate. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().replaceAll("^(\\S+ \\S+ \\S+).*", "$1");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private void say(String format, Object... args) {
        log.println(String.format(format, args));
        log.flush();
    }

    /** Where benchmark output goes: counted (so the work cannot be optimised away), then dropped. */
    private static final class CountingWriter extends Writer {
        long chars;

        @Override
        public void write(char[] buf, int off, int len) {
            chars += len;
        }

        @Override
        public void write(String s) {
            chars += s.length();
        }

        @Override
        public void write(int c) {
            chars++;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static void drain(InputStream in) throws IOException {
        byte[] buf = new byte[1 << 16];
        while (in.read(buf) >= 0) {
            // discard
        }
    }
}
