package urcheck.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import urcheck.Checker;
import urcheck.answer.AnswerJson;
import urcheck.answer.CriteriaListing;

@Command(name = "criteria", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Lists every criterion in the knowledge base with its id, text, kind, citation and edition.")
final class CriteriaCommand implements Callable<Integer> {

    @Option(names = "--json", description = "As JSON.")
    boolean json;

    @Mixin
    RulesOption rules;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Checker checker = rules.load(spec.commandLine().getErr());
        if (checker == null) {
            return ExitCode.INTERNAL_ERROR;
        }
        CriteriaListing listing = CriteriaListing.of(checker.rules());
        out.print(json ? AnswerJson.pretty(listing) + "\n" : listing.text());
        out.flush();
        return ExitCode.CHECKED;
    }
}
