package urcheck.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import urcheck.Checker;
import urcheck.bench.BenchReport;
import urcheck.bench.Benchmark;
import urcheck.bench.ServerLoad;
import urcheck.engine.Throughput;

@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Measures, in one run on this machine: (a) the JSON floor (the same cases parsed and written "
                + "with no rules), (b) the full check on one thread and on all cores over generated cases (full answer, --compact, --compact --trusted-input), and where its CPU goes phase by phase, (c) cold-start "
                + "wall time of bin/urcheck check on one seed case, (d) peak memory of a batch run; prints cases/s, "
                + "the ratio full check / JSON floor and which targets are met; (e) reading a 20-page text PDF into a draft case file; "
                + "(f) the server under load: bin/urcheck serve in a child process, 8 connections POSTing a case to /v1/check for "
                + "60 s, requests/s, p50/p99/max, errors, its peak RSS and CPU (--server-only for this alone). Run it from the "
                + "project folder after mvn package (it starts bin/urcheck and target/urcheck.jar)."})
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--cases", paramLabel = "N", description = "Generated cases for (a) and (b) (default ${DEFAULT-VALUE}).")
    int cases = 100_000;

    @Option(names = "--seed", description = "Generator seed (default ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--threads", paramLabel = "N", description = "Threads for 'all cores' (default: all, ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--repeats", paramLabel = "N", description = "Passes per measurement after warm-up; the best counts (default ${DEFAULT-VALUE}).")
    int repeats = 2;

    @Option(names = "--cold-runs", paramLabel = "N", description = "Runs per cold-start measurement (default ${DEFAULT-VALUE}).")
    int coldRuns = 7;

    @Option(names = "--batch-cases", paramLabel = "N", description = "Cases fed to the batch run whose memory is measured (default ${DEFAULT-VALUE}).")
    long batchCases = 1_000_000;

    @Option(names = "--launcher", paramLabel = "FILE", description = "The launcher (default ${DEFAULT-VALUE}).")
    Path launcher = Path.of("bin/urcheck");

    @Option(names = "--jar", paramLabel = "FILE", description = "The fat jar (default ${DEFAULT-VALUE}).")
    Path jar = Path.of("target/urcheck.jar");

    @Option(names = "--seed-case", paramLabel = "FILE", description = "The case for cold starts (default ${DEFAULT-VALUE}).")
    Path seedCase = Path.of("fixtures/seeds/002-massage-and-cervical-medial-branch-block.json");

    @Option(names = "--extraction-only", description = "Measure only reading a 20-page text PDF into a draft case file (urcheck extract).")
    boolean extractionOnly;

    @Option(names = "--server-only", description = "Measure only (f): the server under load (bin/urcheck serve in a child "
            + "process; the --server-* options).")
    boolean serverOnly;

    @Option(names = "--server-connections", paramLabel = "N",
            description = "(f) closed-loop connections POSTing the seed case to /v1/check (default ${DEFAULT-VALUE}).")
    int serverConnections = 8;

    @Option(names = "--server-seconds", paramLabel = "S", description = "(f) measured seconds (default ${DEFAULT-VALUE}).")
    int serverSeconds = 60;

    @Option(names = "--server-warmup", paramLabel = "S", description = "(f) warm-up seconds before (default ${DEFAULT-VALUE}).")
    int serverWarmUp = 30;

    @Option(names = "--server-batches", paramLabel = "N",
            description = "(f) connections POSTing 1,000-case NDJSON batches at the same time (default ${DEFAULT-VALUE}).")
    int serverBatches = 0;

    @Option(names = "--server-jvm", paramLabel = "OPTIONS",
            description = "(f) JVM options added to the launcher's (URCHECK_JAVA_OPTS), to try other heaps or collectors.")
    String serverJvm = "";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (extractionOnly) {
            out.print(urcheck.bench.ExtractionBench.run(Checker.load(null), 20).text());
            out.flush();
            return ExitCode.CHECKED;
        }
        if (serverOnly) {
            if (!Files.exists(launcher) || !Files.exists(jar)) {
                err.println("urcheck: bench: " + launcher + " or " + jar + " is missing; run it from the project folder after mvn package");
                return ExitCode.BAD_INPUT;
            }
            out.print(serverLoad().text());
            out.flush();
            return ExitCode.CHECKED;
        }
        for (Path p : new Path[] {launcher, jar, seedCase}) {
            if (!Files.exists(p)) {
                err.println("urcheck: bench: " + p + " is missing; run it from the project folder after mvn package");
                return ExitCode.BAD_INPUT;
            }
        }
        Path rules = Files.isDirectory(Path.of("rules")) ? Path.of("rules") : null;
        Benchmark.Settings settings = new Benchmark.Settings(cases, seed, threads, repeats, coldRuns,
                launcher, jar, seedCase, rules, batchCases);
        // the rule base check --batch and serve run on (compiled alpha network), so the figures are theirs
        BenchReport report = new Benchmark(settings, Checker.load(null, Throughput.BATCH), err).run();
        out.print(report.text());
        out.print(urcheck.bench.ExtractionBench.run(Checker.load(null), 20).text());
        out.print(serverLoad().text());
        out.flush();
        return ExitCode.CHECKED;
    }

    private ServerLoad.Result serverLoad() throws Exception {
        return ServerLoad.measure(new ServerLoad.Settings(launcher, seedCase, serverConnections, serverWarmUp, serverSeconds,
                serverBatches, serverJvm));
    }
}
