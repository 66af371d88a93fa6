package urcheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import urcheck.Checker;
import urcheck.answer.AnswerJson;
import urcheck.answer.CaseAnswer;
import urcheck.casefile.CaseFile;
import urcheck.casefile.InvalidCaseFileException;
import urcheck.evaluation.Agreement;
import urcheck.evaluation.AgreementTally;
import urcheck.evaluation.ExpectedOutcome;
import urcheck.evaluation.LabelledCases;

@Command(name = "evaluate", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Checks labelled cases (case files carrying an `expected` block, as in fixtures/) and reports how "
                + "far the answers agree: determination accuracy per item, a confusion matrix (medically necessary / "
                + "not), governing-section and per-criterion agreement, and every disagreement with the criteria "
                + "that caused it.",
                "PATH is a case file (.json), a JSONL file (one case per line) or a folder of them (walked in path order)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every case was evaluated (whatever the agreement)",
            "1:internal error, or the knowledge base would not load",
            "2:some input is not a valid case file (reported on stderr; the rest was evaluated and reported)"})
final class EvaluateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Case files, JSONL files or folders.")
    List<Path> paths;

    @Option(names = "--json", description = "As JSON.")
    boolean json;

    @Option(names = "--odg-edition", paramLabel = "EDITION",
            description = "ODG edition whose numbers apply, overriding each case's own.")
    String edition;

    @Mixin
    RulesOption rules;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // A path that is not there is wrong input: say so before anything, and write no report.
        List<Path> missing = paths.stream().filter(p -> !Files.exists(p)).toList();
        if (!missing.isEmpty()) {
            missing.forEach(p -> err.println("urcheck: " + p + ": no such file or folder"));
            return ExitCode.BAD_INPUT;
        }
        Checker checker = rules.load(err);
        if (checker == null) {
            return ExitCode.INTERNAL_ERROR;
        }
        String editionProblem = RulesOption.editionProblem(checker, edition);
        if (editionProblem != null) {
            err.println(editionProblem);
            return ExitCode.BAD_INPUT;
        }
        Agreement agreement;
        try {
            agreement = evaluate(checker, edition, paths, err);
        } catch (IOException e) {
            err.println("urcheck: cannot read the cases: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return ExitCode.BAD_INPUT;
        }
        out.print(json ? AnswerJson.pretty(agreement) + "\n" : agreement.text());
        out.flush();
        return agreement.invalid().isEmpty() ? ExitCode.CHECKED : ExitCode.BAD_INPUT;
    }

    /** Evaluates every labelled case under {@code paths}; problems with input go to {@code err}. */
    static Agreement evaluate(Checker checker, String edition, List<Path> paths, PrintWriter err) throws IOException {
        AgreementTally tally = new AgreementTally();
        new LabelledCases(checker.reader()).visit(paths, new LabelledCases.Visitor() {
            @Override
            public void read(CaseFile file) {
                ExpectedOutcome expected = ExpectedOutcome.of(file.expected());
                if (expected == null) {
                    tally.unlabelled(file.source());
                    return;
                }
                CaseAnswer answer = checker.answer(file, edition);
                tally.add(file.source(), answer.caseId(), expected.standard(), expected.compare(answer));
            }

            @Override
            public void notACaseFile(Path file, String what) {
                tally.unlabelled(file + " (" + what + ")");
            }

            @Override
            public void invalid(InvalidCaseFileException e) {
                err.println(e.report());
                tally.invalid(e.file());
            }
        });
        return tally.agreement();
    }
}
