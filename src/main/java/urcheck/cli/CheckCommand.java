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
import urcheck.answer.CompactAnswer;
import urcheck.answer.TextReport;
import urcheck.batch.CaseLines;
import urcheck.casefile.CaseFile;
import urcheck.catalogue.Citation;
import urcheck.casefile.InvalidCaseFileException;
import urcheck.engine.Throughput;

@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Checks case files and reports, for each requested item, the outcome (criteria met, not met, "
                + "information needed) and what decides it, then the details: the next step, the governing guideline "
                + "and every criterion. --verbose adds the facts, full citations and rationale; --json gives it all as JSON. "
                + "Several files end with a queue summary: counts per outcome and the items to act on first.",
                "All files are read and validated before anything is written: one bad file means exit code 2 and "
                        + "nothing on stdout.",
                "With --batch, reads one case per line and writes one JSON answer per line (the full answer; --compact: "
                        + "the compact one), in input order "
                        + "(line N of the output answers line N of the input); a bad line gets an error record "
                        + "{\"line\":N,\"error\":...,\"problems\":[...]} and a line on stderr, and the run goes on."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every case was checked (whatever the determinations)",
            "1:internal error, or the knowledge base would not load; with --batch: a line failed inside urcheck "
                    + "(it has an error record) or the output could not be written",
            "2:the input is wrong (bad case file, unknown option, missing file); nothing is written to stdout. "
                    + "With --batch: some lines are not valid cases; each has an error record, every other line "
                    + "was checked and written"})
final class CheckCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Case files (JSON; see case-file.schema.json), or with --fhir FHIR R4 Bundles.")
    List<Path> files;

    @Option(names = "--batch", paramLabel = "JSONL",
            description = "Check a JSONL file (one case per line; - for stdin) and write one JSON answer per line.")
    String batch;

    @Option(names = "--out", paramLabel = "FILE",
            description = "With --batch: write the answers to FILE (put in place only when the whole input is answered) "
                    + "instead of stdout.")
    Path out;

    static final int MAX_THREADS = 256;

    @Option(names = "--threads", paramLabel = "N",
            description = "With --batch: worker threads (default: all cores, ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = CaseLines.TRUSTED_INPUT_OPTION, negatable = false,
            description = "With --batch: skip the JSON Schema validation of each case, for cases a system you trust made "
                    + "(a benchmark, your own export). Reading still refuses what it cannot read (a wrong type, a value no "
                    + "enum has, a missing or unknown field, a number too large to read, levels, dates and codes that name nothing), naming the "
                    + "line and field; ranges, lengths and patterns the schema sets are not checked. Every line written "
                    + "then starts with \"inputValidation\":\"skipped: --trusted-input\". Not offered by the HTTP API.")
    boolean trustedInput;

    @Option(names = "--no-progress", negatable = false,
            description = "With --batch: no progress bar (there is none anyway unless stderr is a terminal and CI is unset).")
    boolean noProgress;

    @Option(names = "--json", description = "Answer as JSON: one object for one file, an array for several.")
    boolean json;

    @Option(names = "--compact", description = "With --batch or --json: the compact answer (one line per case): per item the "
            + "outcome, determination, IMR prediction, governing section and next step, per criterion its status, stop / "
            + "missing flags and facts, and none of the criteria texts, citations or rationale, which `urcheck criteria "
            + "--json` lists once for the knowledge base the answer names (docs/answer.md).")
    boolean compact;

    @Option(names = {"-v", "--verbose"},
            description = "The full text report: every fact each criterion used, full citations, the rationale, and every "
                    + "associated service in full. Without it the report is the summary and what decided each item.")
    boolean verbose;

    @Option(names = "--odg-edition", paramLabel = "EDITION",
            description = "ODG edition whose numbers apply, overriding each case's own (see rules/guideline-numbers.json).")
    String edition;

    @Option(names = "--text", description = "The FILEs are a record (plain text or PDF: notes, a request, a decision): "
            + "read them into one draft case file (as extract does) and check it; the answer lists the quote behind each fact.")
    boolean text;

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
        boolean noFiles = files == null || files.isEmpty();
        if (batch == null && noFiles) {
            throw new CommandLine.ParameterException(spec.commandLine(), "name one or more case files, or --batch JSONL");
        }
        if (batch != null && !noFiles) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--batch reads its cases from JSONL; name no FILE with it");
        }
        if (batch == null && (this.out != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out goes with --batch");
        }
        if (batch == null && trustedInput) {
            throw new CommandLine.ParameterException(spec.commandLine(), CaseLines.TRUSTED_INPUT_OPTION
                    + " goes with --batch (a case file checked on its own is always validated)");
        }
        if (compact && batch == null && !json) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--compact goes with --batch or --json");
        }
        if (compact && text) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--compact does not go with --text (its answer lists the quote behind each fact)");
        }
        if (threads < 1 || threads > MAX_THREADS) {
            // 2147483647 threads used to be an internal error (exit 1); more threads than this only cost memory.
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads " + threads + ": expected 1 to " + MAX_THREADS);
        }
        String fhirProblem = fhir.problem();
        if (fhirProblem != null) {
            err.println("urcheck: " + fhirProblem);
            return ExitCode.BAD_INPUT;
        }
        if (batch != null && fhir.fhir) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--batch reads case-file JSONL; --fhir reads Bundles one by one");
        }
        if (!noFiles) {
            fhir.startReading(files);
        }
        // A batch checks enough cases to repay compiling the alpha network (docs/speed.md); one file does not.
        Checker checker = rules.load(err, batch != null ? Throughput.BATCH : Throughput.ONE_CASE);
        if (checker == null) {
            return ExitCode.INTERNAL_ERROR;
        }
        String editionProblem = RulesOption.editionProblem(checker, edition);
        if (editionProblem != null) {
            err.println(editionProblem);
            return ExitCode.BAD_INPUT;
        }
        if (batch != null) {
            return new BatchCheck(checker, edition, threads, !noProgress, err, trustedInput, compact).run(batch, this.out, out);
        }
        if (text) {
            return TextCheck.run(checker, rules, files, edition, json, out, err);
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
            invalid.forEach(e -> err.println(TextReport.printable(e.report())));
            err.println("urcheck: " + invalid.size() + " of " + files.size() + " case file(s) are not valid; nothing was checked.");
            return ExitCode.BAD_INPUT;
        }
        if (compact) {
            // One line per case; several files make one JSON array, as --json does.
            CompactAnswer writer = new CompactAnswer(checker.rules());
            List<String> lines = new ArrayList<>();
            for (CaseFile c : cases) {
                lines.add(writer.json(checker.evaluate(c, edition)));
            }
            out.println(lines.size() == 1 ? lines.get(0) : "[" + String.join(",\n", lines) + "]");
            out.flush();
            return ExitCode.CHECKED;
        }
        List<CaseAnswer> answers = new ArrayList<>();
        for (CaseFile c : cases) {
            answers.add(checker.answer(c, edition));
        }
        if (json) {
            out.println(answers.size() == 1 ? AnswerJson.pretty(answers.get(0)) : AnswerJson.pretty(answers));
        } else {
            TextReport report = new TextReport(verbose, verbose ? null : id -> {
                Citation c = checker.rules().citation(id);
                return c == null ? null : c.shortText();
            });
            for (int i = 0; i < answers.size(); i++) {
                if (i > 0) {
                    out.println("\n" + "=".repeat(TextReport.WIDTH) + "\n");
                }
                out.print(report.report(answers.get(i), cases.get(i).source()));
            }
            if (answers.size() > 1) {
                out.println("\n" + "=".repeat(TextReport.WIDTH) + "\n");
                out.print(TextReport.queue(answers));
            }
        }
        out.flush();
        return ExitCode.CHECKED;
    }
}
