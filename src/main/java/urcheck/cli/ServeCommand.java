package urcheck.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import java.time.Clock;
import java.time.Duration;
import urcheck.Checker;
import urcheck.audit.AuditStore;
import urcheck.server.CheckServer;
import urcheck.engine.Throughput;

@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Starts the HTTP service. Runs until stopped (Ctrl-C). Routes:",
                "  GET  /                           the page",
                "  GET  /app.js  /app.css           its script and style",
                "  GET  /questions.json             the questions each criterion reads (the page asks only those)",
                "  POST /v1/check                   check one case file",
                "  POST /v1/check/batch             check several (JSON array or NDJSON)",
                "  POST /v1/extract                 read a note (text/plain or application/pdf) into a draft case file",
                "  GET  /v1/criteria                every criterion",
                "  GET  /v1/schema/case-file.json   the case-file schema",
                "  GET  /health                     status and knowledge base",
                "  GET  /v1/audit/{id}              the audit record of a call (PHI: behind access control)",
                "  GET  /openapi.json               the API described (OpenAPI 3.1)",
                "  GET  /cds-services               CDS Hooks discovery",
                "  POST /cds-services/{id}          a CDS Hooks call (order-select, order-sign)",
                "  POST /cds-services/{id}/feedback what the clinician did with a card",
                "JSON answers are compact (one line) unless the request asks ?pretty (indented as check --json prints it).",
                "Request logs go to stderr: method, path, status, time and sizes, never a case's contents.",
                "Memory: bin/urcheck serve runs the JVM with a 112 MB heap and the optimising JIT alone (-Xms64m -Xmx112m "
                        + "-XX:NewRatio=3 -XX:-TieredCompilation -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=64m "
                        + "-XX:TrimNativeHeapInterval=1000, serial GC, MALLOC_ARENA_MAX=2): under 300 MB resident with 8 "
                        + "connections and 4 batches at once (docs/speed.md). URCHECK_JAVA_OPTS adds JVM options of your own "
                        + "(e.g. -Xmx512m); plain java -jar has no cap."})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "TCP port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every "
                    + "interface). Case files are patient data: expose the port only behind TLS and access control.")
    String host;

    @Option(names = "--jurisdiction", paramLabel = "STATE",
            description = "california, texas or other: the jurisdiction CDS Hooks calls are checked under when their "
                    + "Coverage states none (most EHRs send none). Without it such calls are checked under ODG; the cards "
                    + "say which was used.")
    String jurisdiction;

    @Option(names = "--audit-db", paramLabel = "JDBC_URL", defaultValue = "${env:URCHECK_AUDIT_DB:-" + AuditStore.DEFAULT_URL + "}",
            description = "Where the audit records of every check and hook call go (they hold PHI): a JDBC URL, e.g. "
                    + "jdbc:postgresql://db.internal/urcheck?user=urcheck&password=... (or the URCHECK_AUDIT_DB variable). "
                    + "Default: an embedded H2 file ./urcheck-audit.mv.db, no set-up.")
    String auditDb;

    @Option(names = "--audit-retention-days", paramLabel = "DAYS", defaultValue = "2557",
            description = "How long audit records are kept before they are deleted (default: ${DEFAULT-VALUE}, seven years).")
    int retentionDays;

    @Option(names = "--audit-requests",
            description = "Keep each request body in its audit record too (more PHI; off by default: the answer is kept).")
    boolean auditRequests;

    @Mixin
    RulesOption rules;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            err.println("urcheck: --port " + port + ": expected 0-65535");
            return ExitCode.BAD_INPUT;
        }
        if (jurisdiction != null && !java.util.List.of("california", "texas", "other").contains(jurisdiction)) {
            err.println("urcheck: --jurisdiction " + jurisdiction + ": expected california, texas or other");
            return ExitCode.BAD_INPUT;
        }
        if (retentionDays < 1) {
            err.println("urcheck: --audit-retention-days " + retentionDays + ": expected at least 1");
            return ExitCode.BAD_INPUT;
        }
        // A server checks cases for hours: the compiled alpha network repays its start-up cost (docs/speed.md).
        Checker checker = rules.load(err, Throughput.BATCH);
        if (checker == null) {
            return ExitCode.INTERNAL_ERROR;
        }
        AuditStore audit;
        try {
            audit = AuditStore.open(auditDb, Duration.ofDays(retentionDays), auditRequests, Clock.systemUTC());
        } catch (RuntimeException e) {
            err.println("urcheck: " + e.getMessage());
            return ExitCode.INTERNAL_ERROR;
        }
        CheckServer server;
        try {
            server = CheckServer.start(checker, new CheckServer.Settings(host, port, jurisdiction, audit));
        } catch (RuntimeException e) {
            audit.close();
            err.println("urcheck: cannot listen on " + host + ":" + port + ": "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
            return ExitCode.INTERNAL_ERROR;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            audit.close();
            stopped.countDown();
        }, "urcheck-shutdown"));
        String shown = host.contains(":") ? "[" + host + "]" : host;
        err.println("urcheck " + Checker.version() + " serving on http://" + shown + ":" + server.port()
                + "/  (API: /openapi.json; audit records: " + audit.location() + "; Ctrl-C stops)");
        err.flush();
        stopped.await();
        return ExitCode.CHECKED;
    }
}
