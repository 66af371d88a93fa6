package urcheck.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Load on {@code urcheck serve} as the launcher starts it (docs/speed.md "Load benchmark"): the server runs as a child
 * process ({@code bin/urcheck serve --port 0}, its audit records in a temporary folder removed afterwards), is warmed
 * up, then N connections (default 8) each POST a case file to /v1/check in a closed loop (the next request when the
 * answer is in) for D seconds (default 60), over plain keep-alive HTTP/1.1 sockets: the load generator's own cost is
 * small, and it runs on the same cores as the server, as a client on the same machine would. Optionally K more
 * connections POST 1,000-case NDJSON batches at the same time (the server checks 4 at once and answers 503 to more).
 *
 * <p>Measured: requests/s, latency p50 / p99 / max, errors (an answer other than 200, or a broken connection), the
 * server's peak resident memory (VmHWM in /proc/PID/status: the kernel's high-water mark since it started) and the
 * CPU time of the server, of this process and of the rest of the machine during the measured seconds, so a run
 * disturbed by other work shows. Measures and prints; asserts nothing.
 */
public final class ServerLoad {

    /** The docs' targets: at least 5,000 checks/s with p99 under 10 ms, no errors, peak RSS under 300 MB. */
    static final double TARGET_PER_SECOND = 5_000;
    static final double TARGET_P99_MS = 10;
    static final long TARGET_PEAK_RSS_MB = 300;
    /** Clock ticks per second of /proc/PID/stat: 100 on every Linux this runs on (CONFIG_HZ does not change it). */
    private static final double TICKS = 100;

    /**
     * @param launcher       bin/urcheck
     * @param caseFile       the case POSTed to /v1/check
     * @param connections    closed-loop connections POSTing the case
     * @param warmUpSeconds  load before the measurement (the JIT's work), not counted
     * @param seconds        the measurement
     * @param batchConnections connections POSTing 1,000-case NDJSON batches at the same time (0: none)
     * @param jvmOptions     added to the launcher's JVM options (URCHECK_JAVA_OPTS); empty: the launcher's alone
     */
    public record Settings(Path launcher, Path caseFile, int connections, int warmUpSeconds, int seconds,
                           int batchConnections, String jvmOptions) {

        public static Settings defaults() {
            return new Settings(Path.of("bin/urcheck"), Path.of("fixtures/seeds/002-massage-and-cervical-medial-branch-block.json"),
                    8, 30, 60, 0, "");
        }
    }

    /**
     * One measurement. Latencies in milliseconds; CPU in seconds over the measured run; RSS in kB.
     *
     * @param batches     batch calls answered 200 during the measurement
     * @param batchBusy   batch calls answered 503 (more than the server checks at once: by design, not an error)
     */
    public record Result(Settings settings, int cores, double seconds, long requests, long errors, double p50Ms,
                         double p99Ms, double maxMs, long batches, long batchBusy, long batchErrors, long peakRssKb,
                         double serverCpu, double gcCpu, double jitCpu, double clientCpu, double otherCpu, String load,
                         String errorKinds, List<String> serverLog) {

        public double perSecond() {
            return requests / seconds;
        }

        /** Server CPU per check in ms (batch work included when batches ran). */
        public double serverCpuMsPerCheck() {
            return requests == 0 ? 0 : serverCpu * 1000 / requests;
        }

        public String text() {
            StringBuilder s = new StringBuilder();
            s.append(String.format("%n(f) server: bin/urcheck serve%s, %d connection(s) POSTing %s to /v1/check for %d s "
                            + "after %d s of warm-up%s; load generator in this process, same %d cores%n",
                    settings.jvmOptions().isBlank() ? "" : " (" + settings.jvmOptions() + ")", settings.connections(),
                    settings.caseFile().getFileName(), settings.seconds(), settings.warmUpSeconds(),
                    settings.batchConnections() == 0 ? ""
                            : ", and " + settings.batchConnections() + " POSTing 1,000-case NDJSON batches",
                    cores));
            s.append(String.format("    %,.0f checks/s (%,d in %.1f s), p50 %.2f ms, p99 %.2f ms, max %.1f ms, errors %,d%s%n",
                    perSecond(), requests, seconds, p50Ms, p99Ms, maxMs, errors, errorKinds.isEmpty() ? "" : " " + errorKinds));
            if (settings.batchConnections() > 0) {
                s.append(String.format("    batches: %,d answered, %,d busy (503, by design past 4 at once), %,d errors%n",
                        batches, batchBusy, batchErrors));
            }
            s.append(String.format("    peak RSS of the server %,d MB; CPU during the run: server %.1f s (%.3f ms per check; "
                            + "of it garbage collection %.1f s, JIT compilers %.1f s), load generator %.1f s, everything else "
                            + "%.1f s; load average %s%n",
                    peakRssKb / 1024, serverCpu, serverCpuMsPerCheck(), gcCpu, jitCpu, clientCpu, otherCpu, load));
            if (!serverLog.isEmpty()) {
                s.append("    the server logged (besides requests):\n");
                serverLog.forEach(l -> s.append("      ").append(l).append('\n'));
            }
            s.append(target(perSecond() >= TARGET_PER_SECOND && p99Ms < TARGET_P99_MS && errors == 0,
                    String.format("server >= 5,000 checks/s, p99 < 10 ms, no errors: %,.0f/s, p99 %.2f ms, %,d errors",
                            perSecond(), p99Ms, errors)));
            s.append(target(peakRssKb / 1024 < TARGET_PEAK_RSS_MB && batchErrors == 0,
                    String.format("server peak RSS < 300 MB%s: %,d MB", settings.batchConnections() > 0
                            ? " and no failed batch" : "", peakRssKb / 1024)));
            return s.toString();
        }

        private static String target(boolean met, String what) {
            return String.format("  [%s] %s%n", met ? "met" : "NOT MET", what);
        }
    }

    private ServerLoad() {
    }

    public static Result measure(Settings settings) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("urcheck-server-load-");
        Path log = work.resolve("serve.log");
        ProcessBuilder pb = new ProcessBuilder(settings.launcher().toString(), "serve", "--port", "0",
                "--audit-db", "jdbc:h2:file:" + work.resolve("audit").toAbsolutePath())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        if (!settings.jvmOptions().isBlank()) {
            pb.environment().put("URCHECK_JAVA_OPTS", settings.jvmOptions());
        }
        Process server = pb.start();
        try {
            int port = awaitPort(server, log);
            byte[] check = request("/v1/check", "application/json", Files.readAllBytes(settings.caseFile()), port);
            byte[] batch = settings.batchConnections() == 0 ? null
                    : request("/v1/check/batch", "application/x-ndjson", batchBody(1_000), port);
            run(port, check, batch, settings, settings.warmUpSeconds(), null);
            Result r = run(port, check, batch, settings, settings.seconds(), server);
            return new Result(r.settings(), r.cores(), r.seconds(), r.requests(), r.errors(), r.p50Ms(), r.p99Ms(), r.maxMs(),
                    r.batches(), r.batchBusy(), r.batchErrors(), r.peakRssKb(), r.serverCpu(), r.gcCpu(), r.jitCpu(),
                    r.clientCpu(), r.otherCpu(), r.load(), r.errorKinds(), otherLines(log));
        } finally {
            server.destroy();
            if (!server.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor();
            }
            delete(work);
        }
    }

    /** The port the server says it serves on ("serving on http://127.0.0.1:PORT/"), once its rule base is built. */
    private static int awaitPort(Process server, Path log) throws IOException, InterruptedException {
        Pattern serving = Pattern.compile("serving on http://[^ ]*:(\\d+)/");
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (Files.exists(log)) {
                Matcher m = serving.matcher(Files.readString(log, StandardCharsets.UTF_8));
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
            if (!server.isAlive()) {
                throw new IllegalStateException("the server exited with " + server.exitValue() + " before serving: "
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the server did not start within 120 s");
    }

    private static Result run(int port, byte[] check, byte[] batch, Settings settings, int seconds, Process server)
            throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < settings.connections(); i++) {
            clients.add(new Client(port, check, stop));
        }
        for (int i = 0; i < settings.batchConnections(); i++) {
            clients.add(new Client(port, batch, stop));
        }
        long serverCpu0 = server == null ? 0 : cpuTicks(server.pid());
        long[] threads0 = server == null ? null : threadTicks(server.pid());
        long machine0 = machineTicks();
        long client0 = processCpuNanos();
        long started = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            Thread t = new Thread(clients.get(i), "load-" + i);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread t : threads) {
            t.join(60_000);
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        if (server == null) {
            return null;
        }
        double serverCpu = (cpuTicks(server.pid()) - serverCpu0) / TICKS;
        long[] threads1 = threadTicks(server.pid());
        double clientCpu = (processCpuNanos() - client0) / 1e9;
        double machine = (machineTicks() - machine0) / TICKS;
        long peak = peakRssKb(server.pid());
        List<Client> checks = clients.subList(0, settings.connections());
        List<Client> batches = clients.subList(settings.connections(), clients.size());
        long[] latencies = checks.stream().flatMapToLong(c -> Arrays.stream(c.latencies, 0, c.count)).sorted().toArray();
        long errors = checks.stream().mapToLong(c -> c.errors).sum();
        return new Result(settings, Runtime.getRuntime().availableProcessors(), elapsed, latencies.length, errors,
                percentile(latencies, 50), percentile(latencies, 99),
                latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6,
                batches.stream().mapToLong(c -> c.count).sum(), batches.stream().mapToLong(c -> c.busy).sum(),
                batches.stream().mapToLong(c -> c.errors).sum(), peak, serverCpu,
                Math.max(0, threads1[0] - threads0[0]) / TICKS, Math.max(0, threads1[1] - threads0[1]) / TICKS, clientCpu,
                Math.max(0, machine - serverCpu - clientCpu), Benchmark.loadAverage(), kinds(checks, batches), List.of());
    }

    /**
     * The server's log lines other than the access log (which logs every request) and its start-up line: errors,
     * out-of-memory, warnings; at most 12. The server never logs a case's contents.
     */
    private static List<String> otherLines(Path log) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            lines.filter(l -> !l.matches(".*urcheck\\.http - \\S+ (GET|POST|PUT|DELETE|HEAD|OPTIONS) .*") && !l.contains("serving on"))
                    .limit(12).forEach(l -> out.add(l.length() > 200 ? l.substring(0, 200) + "..." : l));
        }
        return out;
    }

    /** "(checks: HTTP 500 x3; batches: SocketTimeoutException x1)", or "" when there were no errors. */
    private static String kinds(List<Client> checks, List<Client> batches) {
        List<String> parts = new ArrayList<>();
        for (List<Client> group : List.of(checks, batches)) {
            java.util.Map<String, Long> all = new java.util.TreeMap<>();
            group.forEach(c -> c.kinds.forEach((k, v) -> all.merge(k, v, Long::sum)));
            if (!all.isEmpty()) {
                StringBuilder s = new StringBuilder(group == checks ? "checks: " : "batches: ");
                all.forEach((k, v) -> s.append(k).append(" x").append(v).append(", "));
                parts.add(s.substring(0, s.length() - 2));
            }
        }
        return parts.isEmpty() ? "" : "(" + String.join("; ", parts) + ")";
    }

    static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, i))] / 1e6;
    }

    /** One connection in a closed loop: send, read the whole answer, send again; a broken connection is reopened. */
    private static final class Client implements Runnable {
        private final int port;
        private final byte[] request;
        private final AtomicBoolean stop;
        long[] latencies = new long[1 << 14];
        int count;
        long errors;
        long busy;
        /** The errors by kind: an HTTP status, or the exception that broke the connection. */
        final java.util.Map<String, Long> kinds = new java.util.TreeMap<>();

        Client(int port, byte[] request, AtomicBoolean stop) {
            this.port = port;
            this.request = request;
            this.stop = stop;
        }

        @Override
        public void run() {
            while (!stop.get()) {
                try (Socket socket = new Socket()) {
                    socket.setTcpNoDelay(true);
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
                    socket.setSoTimeout(120_000);
                    OutputStream out = socket.getOutputStream();
                    InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
                    boolean open = true;
                    while (open && !stop.get()) {
                        long t0 = System.nanoTime();
                        out.write(request);
                        out.flush();
                        Answer a = Answer.read(in);
                        long t = System.nanoTime() - t0;
                        open = a.keepAlive;
                        if (a.status == 200) {
                            if (count == latencies.length) {
                                latencies = Arrays.copyOf(latencies, count * 2);
                            }
                            latencies[count++] = t;
                        } else if (a.status == 503) {
                            busy++;
                        } else {
                            errors++;
                            kinds.merge("HTTP " + a.status, 1L, Long::sum);
                        }
                    }
                } catch (IOException e) {
                    if (!stop.get()) {
                        errors++;
                        kinds.merge(e.getClass().getSimpleName(), 1L, Long::sum);
                    }
                }
            }
        }
    }

    /** An HTTP/1.1 answer read to its end (the server always sends Content-Length). */
    private record Answer(int status, boolean keepAlive) {

        static Answer read(InputStream in) throws IOException {
            String statusLine = line(in);
            if (statusLine == null) {
                throw new IOException("connection closed");
            }
            int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
            long length = -1;
            boolean close = false;
            for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
                int colon = h.indexOf(':');
                String name = colon < 0 ? h : h.substring(0, colon).trim();
                String value = colon < 0 ? "" : h.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                    close = true;
                }
            }
            if (length < 0) {
                throw new IOException("an answer without Content-Length");
            }
            in.skipNBytes(length);
            return new Answer(status, !close);
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder s = new StringBuilder(64);
            for (int b = in.read(); b != -1; b = in.read()) {
                if (b == '\n') {
                    int n = s.length();
                    return n > 0 && s.charAt(n - 1) == '\r' ? s.substring(0, n - 1) : s.toString();
                }
                s.append((char) b);
            }
            return s.length() == 0 ? null : s.toString();
        }
    }

    private static byte[] request(String path, String type, byte[] body, int port) {
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: " + type
                + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    /** Generated cases as NDJSON (seed 42, as the benchmark's), one batch the size the server takes at most. */
    static byte[] batchBody(int cases) {
        CaseGenerator generator = new CaseGenerator(42);
        StringBuilder s = new StringBuilder(cases * 1400);
        for (int i = 0; i < cases; i++) {
            s.append(generator.nextLine()).append('\n');
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** utime + stime of a process, in clock ticks. */
    private static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * CPU ticks of the server's garbage collection (the serial and parallel collectors' threads: "VM Thread", "GC
     * Thread#N") and of its JIT compiler threads, as {gc, jit}: what a heap or JIT setting changes. A compiler thread
     * the JVM ends during the run takes its ticks with it: the JIT figure is a lower bound.
     */
    private static long[] threadTicks(long pid) {
        long gc = 0;
        long jit = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                try {
                    String name = Files.readString(t.resolve("comm")).trim();
                    String stat = Files.readString(t.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    if (name.equals("VM Thread") || name.startsWith("GC Thread")) {
                        gc += ticks;
                    } else if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                        jit += ticks;
                    }
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return new long[] {0, 0};
        }
        return new long[] {gc, jit};
    }

    /** Busy clock ticks of the whole machine (user, nice, system, irq, softirq, steal). */
    private static long machineTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            return Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                    + Long.parseLong(f[7]) + Long.parseLong(f[8]);
        } catch (IOException e) {
            return 0;
        }
    }

    static long peakRssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            // gone
        }
        return -1;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir, e);
        }
    }
}
