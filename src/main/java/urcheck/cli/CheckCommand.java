package urcheck.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
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
import urcheck.answer.TextReport;
import urcheck.casefile.CaseFile;
import urcheck.casefile.InvalidCaseFileException;
import urcheck.engine.RuleBaseException;

@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Checks case files and reports, for each requested item, the determination, the likely IMR "
                + "outcome, the governing guideline and every criterion.",
                "All files are read and validated before anything is written: one bad file means exit code 2 and "
                        + "nothing on stdout."})
final class CheckCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Case files (JSON; see case-file.schema.json), or with --fhir FHIR R4 Bundles.")
    List<Path> files;

    @Option(names = "--json", description = "Answer as JSON: one object for one file, an array for several.")
    boolean json;

    @Option(names = "--odg-edition", paramLabel = "EDITION",
            description = "ODG edition whose numbers apply, overriding each case's own (see rules/guideline-numbers.json).")
    String edition;

    @Mixin
    RulesOption rules;

    @Mixin
    FhirOptions fhir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String fhirProblem = fhir.problem();
        if (fhirProblem != null) {
            err.println("urcheck: " + fhirProblem);
            return ExitCode.BAD_INPUT;
        }
        fhir.startReading(files);
        Checker checker;
        try {
            checker = Checker.load(rules.rulesDir);
        } catch (RuleBaseException e) {
            err.println("urcheck: " + e.getMessage());
            return ExitCode.INTERNAL_ERROR;
        }
        if (edition != null && !checker.rules().numbers().knows(edition)) {
            err.println("urcheck: --odg-edition " + edition + ": expected one of "
                    + String.join(", ", checker.rules().numbers().editions().keySet()));
            return ExitCode.BAD_INPUT;
        }
        if (fhir.showMapping) {
            return fhir.showMappings(checker, files, out, err);
        }
        List<CaseFile> cases = new ArrayList<>();
        List<InvalidCaseFileException> invalid = new ArrayList<>();
        for (Path f : files) {
            try {
                cases.add(fhir.fhir ? fhir.read(checker, f) : checker.read(f));
            } catch (InvalidCaseFileException e) {
                invalid.add(e);
            }
        }
        if (!invalid.isEmpty()) {
            invalid.forEach(e -> err.println(e.report()));
            err.println("urcheck: " + invalid.size() + " of " + files.size() + " case file(s) are not valid; nothing was checked.");
            return ExitCode.BAD_INPUT;
        }
        List<CaseAnswer> answers = new ArrayList<>();
        for (CaseFile c : cases) {
            answers.add(checker.answer(c, edition));
        }
        if (json) {
            out.println(answers.size() == 1 ? AnswerJson.pretty(answers.get(0)) : AnswerJson.pretty(answers));
        } else {
            for (int i = 0; i < answers.size(); i++) {
                if (i > 0) {
                    out.println("\n" + "=".repeat(100) + "\n");
                }
                out.print(TextReport.render(answers.get(i), cases.get(i).source()));
            }
        }
        out.flush();
        return ExitCode.CHECKED;
    }
}
