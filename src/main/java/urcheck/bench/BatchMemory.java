package urcheck.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Peak memory of a batch run: {@code bin/urcheck check --batch -} in a child process, fed generated cases
 * on stdin (no file of a million cases on disk), its answers counted and dropped. The child's resident
 * memory is read from /proc while it runs: VmHWM is the kernel's own high-water mark of RSS.
 */
final class BatchMemory {

    /** RSS when a given share of the cases had been fed. */
    record Sample(long casesFed, long rssKb) {
    }

    record Result(long cases, long answers, double seconds, long peakRssKb, List<Sample> samples) {
        double perSecond() {
            return cases / seconds;
        }
    }

    private final Benchmark.Settings settings;
    private final PrintWriter log;

    BatchMemory(Benchmark.Settings settings, PrintWriter log) {
        this.settings = settings;
        this.log = log;
    }

    Result measure() throws IOException, InterruptedException {
        long total = settings.memoryCases();
        Process child = new ProcessBuilder(settings.launcher().toString(), "check", "--batch", "-", "--no-progress")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Path status = Path.of("/proc", Long.toString(child.pid()), "status");
        AtomicLong answers = new AtomicLong();
        Thread reader = new Thread(() -> answers.set(countLines(child.getInputStream())), "bench-answers");
        reader.start();
        AtomicLong fed = new AtomicLong();
        AtomicLong peak = new AtomicLong();
        List<Sample> samples = new ArrayList<>();
        Thread sampler = new Thread(() -> {
            long nextMark = total / 10;
            while (child.isAlive()) {
                long[] rss = read(status);
                if (rss != null) {
                    peak.accumulateAndGet(rss[1], Math::max);
                    if (fed.get() >= nextMark) {
                        synchronized (samples) {
                            samples.add(new Sample(fed.get(), rss[0]));
                        }
                        nextMark += total / 10;
                    }
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-rss");
        sampler.setDaemon(true);
        sampler.start();
        long started = System.nanoTime();
        CaseGenerator generator = new CaseGenerator(settings.seed() + 1);
        try (Writer in = new BufferedWriter(new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8), 1 << 16)) {
            for (long i = 0; i < total; i++) {
                in.write(generator.nextLine());
                in.write('\n');
                fed.incrementAndGet();
            }
        }
        int code = child.waitFor();
        double seconds = (System.nanoTime() - started) / 1e9;
        reader.join();
        sampler.interrupt();
        if (code != 0) {
            throw new IllegalStateException("the batch child exited with " + code);
        }
        Result r = new Result(total, answers.get(), seconds, peak.get(), List.copyOf(samples));
        log.println(String.format("  batch of %,d cases through stdin: %,d answers, %.1f s (%,.0f cases/s), peak RSS %,d MB",
                total, r.answers(), seconds, r.perSecond(), r.peakRssKb() / 1024));
        StringBuilder s = new StringBuilder("  RSS as the cases went in:");
        for (Sample x : r.samples()) {
            s.append(String.format(" %,dk:%dMB", x.casesFed() / 1000, x.rssKb() / 1024));
        }
        log.println(s);
        log.flush();
        return r;
    }

    /** VmRSS and VmHWM in kB, or null once the process is gone. */
    private static long[] read(Path status) {
        try {
            long rss = -1;
            long hwm = -1;
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    rss = kb(line);
                } else if (line.startsWith("VmHWM:")) {
                    hwm = kb(line);
                }
            }
            return rss < 0 || hwm < 0 ? null : new long[] {rss, hwm};
        } catch (IOException e) {
            return null;
        }
    }

    private static long kb(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    private static long countLines(InputStream in) {
        long lines = 0;
        byte[] buf = new byte[1 << 16];
        try (in) {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        lines++;
                    }
                }
            }
        } catch (IOException e) {
            return -lines;
        }
        return lines;
    }
}
