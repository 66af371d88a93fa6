package urcheck.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import urcheck.Checker;

@Command(name = "urcheck",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {"Checks workers' compensation utilization review requests (spinal facet procedures, massage "
                + "therapy and their associated services) against ODG and California MTUS/ACOEM criteria."},
        subcommands = {CheckCommand.class, ExtractCommand.class, CriteriaCommand.class, EvaluateCommand.class, BenchCommand.class,
            ServeCommand.class, CdsHooksCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every case was checked (whatever the determinations)",
            "1:internal error, or the knowledge base would not load",
            "2:the input is wrong (bad case file, unknown option, missing file); nothing is written to stdout"})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(out, err, args));
    }

    /** Runs the command line with the given streams (tests capture them); returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main()).setOut(out).setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof BareCommand) {
                return ExitCode.BAD_INPUT;
            }
            commandLine.getErr().println("urcheck: internal error: " + e);
            return ExitCode.INTERNAL_ERROR;
        });
        return cli.execute(args);
    }

    /** Bare {@code urcheck}: the usage with every command, on stderr (stdout carries only answers), exit 2. */
    @Override
    public void run() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("urcheck: name a command.");
        spec.commandLine().usage(err);
        err.flush();
        throw new BareCommand();
    }

    /** Ends a bare {@code urcheck} with the exit code for wrong input, the usage already printed. */
    static final class BareCommand extends RuntimeException {
        BareCommand() {
            super(null, null, false, false);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"urcheck " + Checker.version()};
        }
    }
}
