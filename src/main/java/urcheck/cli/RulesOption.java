package urcheck.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import urcheck.Checker;
import urcheck.engine.RuleBaseException;
import urcheck.engine.Throughput;

/** The options every command that loads the knowledge base shares, and the loading itself. */
final class RulesOption {
    @Option(names = "--rules", paramLabel = "DIR",
            description = "Load the DRL rules, catalogue and guideline numbers from this rules/ folder instead of "
                    + "the built-in ones (for rule authors).")
    Path rulesDir;

    /**
     * The knowledge base, or null when it would not load: then why is on {@code err} and the command
     * exits with {@link ExitCode#INTERNAL_ERROR}.
     */
    Checker load(PrintWriter err) {
        return load(err, Throughput.ONE_CASE);
    }

    /** Like {@link #load(PrintWriter)}, the built-in rules built for {@code throughput} (batch and serve: BATCH). */
    Checker load(PrintWriter err, Throughput throughput) {
        try {
            return Checker.load(rulesDir, throughput);
        } catch (RuleBaseException e) {
            err.println("urcheck: " + e.getMessage());
            return null;
        }
    }

    /** Null when {@code edition} is null or known; else the message for a bad-input exit. */
    static String editionProblem(Checker checker, String edition) {
        if (edition == null || checker.rules().numbers().knows(edition)) {
            return null;
        }
        return "urcheck: --odg-edition " + edition + ": expected one of "
                + String.join(", ", checker.rules().numbers().editions().keySet());
    }
}
