package urcheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import urcheck.Checker;
import urcheck.answer.AnswerJson;
import urcheck.cds.CdsHooksService;
import urcheck.cds.CdsResult;

/**
 * The CDS Hooks service from the command line, without a server: the discovery document, or the response
 * to one hook request file. What an HTTP layer serves at GET /cds-services and POST /cds-services/{id}.
 */
@Command(name = "cds-hooks", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Answers a CDS Hooks request (order-select or order-sign) from a file, as the CDS service would: "
                + "cards per draft order and CRD coverage information. --discovery prints the service list instead.",
                "A bad request prints its problem document (RFC 9457) on stderr and exits 2."})
final class CdsHooksCommand implements Callable<Integer> {

    @Option(names = "--discovery", description = "Print the discovery document (GET /cds-services).")
    boolean discovery;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SERVICE", description = "urcheck-order-select or urcheck-order-sign.")
    String service;

    @Parameters(index = "1", arity = "0..1", paramLabel = "REQUEST", description = "The hook request (JSON).")
    Path request;

    @Option(names = "--jurisdiction", paramLabel = "JURISDICTION",
            description = "california, texas or other, for requests whose Coverage states no jurisdiction.")
    String jurisdiction;

    @Mixin
    RulesOption rules;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!discovery && (service == null || request == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --discovery, or SERVICE and REQUEST");
        }
        if (jurisdiction != null && !java.util.List.of("california", "texas", "other").contains(jurisdiction)) {
            err.println("urcheck: --jurisdiction " + jurisdiction + ": expected one of california, texas, other");
            return ExitCode.BAD_INPUT;
        }
        Checker checker = rules.load(err);
        if (checker == null) {
            return ExitCode.INTERNAL_ERROR;
        }
        CdsHooksService cds = new CdsHooksService(checker, jurisdiction, Clock.systemUTC());
        if (discovery) {
            out.println(AnswerJson.pretty(cds.discovery()));
            out.flush();
            return ExitCode.CHECKED;
        }
        byte[] body;
        try {
            body = Files.readAllBytes(request);
        } catch (NoSuchFileException e) {
            err.println(request + ": $: no such file");
            return ExitCode.BAD_INPUT;
        } catch (IOException e) {
            err.println(request + ": $: cannot be read: " + e.getClass().getSimpleName());
            return ExitCode.BAD_INPUT;
        }
        CdsResult result = cds.call(service, body);
        if (!result.ok()) {
            err.println(AnswerJson.pretty(result.body()));
            return result.status() >= 500 ? ExitCode.INTERNAL_ERROR : ExitCode.BAD_INPUT;
        }
        out.println(AnswerJson.pretty(result.body()));
        out.flush();
        return ExitCode.CHECKED;
    }
}
