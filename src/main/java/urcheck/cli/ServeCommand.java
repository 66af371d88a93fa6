package urcheck.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import urcheck.Checker;
import urcheck.server.CheckServer;

@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Starts the HTTP service. Runs until stopped (Ctrl-C). Routes:",
                "  GET  /                           the page",
                "  GET  /app.js  /app.css           its script and style",
                "  GET  /questions.json             the questions each criterion reads (the page asks only those)",
                "  POST /v1/check                   check one case file",
                "  POST /v1/check/batch             check several (JSON array or NDJSON)",
                "  GET  /v1/criteria                every criterion",
                "  GET  /v1/schema/case-file.json   the case-file schema",
                "  GET  /health                     status and knowledge base",
                "  GET  /openapi.json               the API described (OpenAPI 3.1)",
                "  GET  /cds-services               CDS Hooks discovery",
                "  POST /cds-services/{id}          a CDS Hooks call (order-select, order-sign)",
                "Request logs go to stderr: method, path, status, time and sizes, never a case's contents."})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "TCP port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every "
                    + "interface). Case files are patient data: expose the port only behind TLS and access control.")
    String host;

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
        Checker checker = rules.load(err);
        if (checker == null) {
            return ExitCode.INTERNAL_ERROR;
        }
        CheckServer server;
        try {
            server = CheckServer.start(checker, host, port);
        } catch (RuntimeException e) {
            err.println("urcheck: cannot listen on " + host + ":" + port + ": "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
            return ExitCode.INTERNAL_ERROR;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "urcheck-shutdown"));
        String shown = host.contains(":") ? "[" + host + "]" : host;
        err.println("urcheck " + Checker.version() + " serving on http://" + shown + ":" + server.port()
                + "/  (API: /openapi.json; Ctrl-C stops)");
        err.flush();
        stopped.await();
        return ExitCode.CHECKED;
    }
}
