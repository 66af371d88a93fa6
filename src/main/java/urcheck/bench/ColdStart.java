package urcheck.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Cold-start wall time of one-case checks, whole process, started the way a person starts them. */
final class ColdStart {

    /**
     * Wall times of several runs of one command line, and the CPU time (user + system) each run used:
     * on a machine shared with other work, the CPU time says what wall time an idle machine would see.
     */
    record Timing(String what, List<String> command, double[] seconds, double[] cpuSeconds) {
        double median() {
            return Benchmark.median(seconds);
        }

        double medianCpu() {
            return Benchmark.median(cpuSeconds);
        }

        double min() {
            return java.util.Arrays.stream(seconds).min().orElse(0);
        }

        double max() {
            return java.util.Arrays.stream(seconds).max().orElse(0);
        }
    }

    private final Benchmark.Settings settings;
    private final PrintWriter log;

    ColdStart(Benchmark.Settings settings, PrintWriter log) {
        this.settings = settings;
        this.log = log;
    }

    List<Timing> measure() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String seed = settings.seedCase().toString();
        String jar = settings.jar().toString();
        List<Timing> out = new ArrayList<>();
        out.add(time("bin/urcheck check (precompiled rules, AppCDS, C1, SerialGC)",
                List.of(settings.launcher().toString(), "check", "--json", seed), settings.coldRuns()));
        out.add(time("java -jar urcheck.jar check (precompiled rules, default JVM flags)",
                List.of(java, "-jar", jar, "check", "--json", seed), settings.coldRuns()));
        if (settings.rulesDir() != null) {
            out.add(time("bin/urcheck check --rules rules (DRL compiled at start-up)",
                    List.of(settings.launcher().toString(), "check", "--json", "--rules", settings.rulesDir().toString(), seed),
                    Math.min(3, settings.coldRuns())));
        }
        return out;
    }

    private Timing time(String what, List<String> command, int runs) throws IOException, InterruptedException {
        run(command); // first run outside the timing: a launcher may build its class-data archive once
        double[] seconds = new double[runs];
        double[] cpu = new double[runs];
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            cpu[i] = run(command);
            seconds[i] = (System.nanoTime() - started) / 1e9;
        }
        Timing t = new Timing(what, command, seconds, cpu);
        log.println(String.format("  cold start, %s: median %.2f s of %d runs (%.2f-%.2f s), CPU %.2f s", what, t.median(),
                runs, t.min(), t.max(), t.medianCpu()));
        log.flush();
        return t;
    }

    /**
     * Runs the command as a whole process; returns its CPU seconds. Bash's {@code times} reports what its
     * children used (the JVM and everything it started); the bash around it costs a few milliseconds of wall.
     */
    private static double run(List<String> command) throws IOException, InterruptedException {
        List<String> timed = new ArrayList<>(List.of("bash", "-c", "\"$@\" >/dev/null; rc=$?; times; exit $rc", "bench"));
        timed.addAll(command);
        Process p = new ProcessBuilder(timed).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String times = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        int code = p.waitFor();
        if (code != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + code);
        }
        String[] lines = times.trim().split("\\R");
        double cpu = 0;
        for (String t : lines[lines.length - 1].trim().split("\\s+")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)m([\\d.]+)s").matcher(t);
            if (m.matches()) {
                cpu += Integer.parseInt(m.group(1)) * 60 + Double.parseDouble(m.group(2));
            }
        }
        return cpu;
    }
}
