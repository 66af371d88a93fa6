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
import urcheck.extract.Extraction;
import urcheck.extract.ExtractionEvaluation;
import urcheck.extract.NoRequestException;
import urcheck.extract.NoteExtractor;
import urcheck.extract.RecordReader;
import urcheck.extract.RecordText;
import urcheck.extract.UnreadableRecordException;

@Command(name = "extract", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Reads a record (progress notes, a request for authorization, a review decision; plain text or PDF) "
                + "and prints a draft case file (case-file.schema.json): every fact it sets quotes the sentence it came "
                + "from (file and character offsets) in extraction.evidence, with needsReview where a person must look. "
                + "A fact the text does not state is left out (not documented). Several FILEs are one case.",
                "The words it reads by are in rules/lexicon/ (README there). Nothing is logged; the record's text appears "
                        + "only in the draft's quotes.",
                "With --evaluate, DIR holds records (NAME.txt or NAME.pdf) each beside its hand encoding (NAME.json): "
                        + "prints precision and recall per fact kind, and the determinations reached from the text."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the draft was written (or the evaluation printed)",
            "1:internal error",
            "2:a file cannot be read as a record (missing, binary, a PDF with no text layer or a password, too large), "
                    + "or no requested item was found; nothing is written to stdout"})
final class ExtractCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Record files: plain text (UTF-8) or PDF.")
    List<Path> files;

    @Option(names = "--case-id", paramLabel = "ID", description = "The draft's caseId (default: the first file's name).")
    String caseId;

    @Option(names = "--jurisdiction", paramLabel = "JURISDICTION",
            description = "california, texas or other, when the text does not say (default: ${DEFAULT-VALUE}; flagged for review).")
    String jurisdiction = "california";

    @Option(names = "--evaluate", arity = "1..*", paramLabel = "DIR", description = "Compare extraction with hand encodings (see above).")
    List<Path> evaluate;

    @Mixin
    RulesOption rules;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!List.of("california", "texas", "other").contains(jurisdiction)) {
            err.println("urcheck: --jurisdiction " + jurisdiction + ": expected one of california, texas, other");
            return ExitCode.BAD_INPUT;
        }
        boolean noFiles = files == null || files.isEmpty();
        if (noFiles == (evaluate == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "name one or more record files, or --evaluate DIR");
        }
        Checker checker = rules.load(err);
        if (checker == null) {
            return ExitCode.INTERNAL_ERROR;
        }
        NoteExtractor extractor = extractor(rules, err);
        if (extractor == null) {
            return ExitCode.BAD_INPUT;
        }
        if (evaluate != null) {
            try {
                ExtractionEvaluation e = ExtractionEvaluation.run(checker, extractor, evaluate);
                out.print(e.text());
                out.flush();
                return ExitCode.CHECKED;
            } catch (java.io.IOException ex) {
                err.println("urcheck: cannot read the evaluation folder: " + ex.getClass().getSimpleName());
                return ExitCode.BAD_INPUT;
            }
        }
        Extraction draft = extract(checker, extractor, files, caseId, jurisdiction, err);
        if (draft == null) {
            return ExitCode.BAD_INPUT;
        }
        out.println(AnswerJson.pretty(draft.caseFile()));
        out.flush();
        return ExitCode.CHECKED;
    }

    /** The draft for these files, or null after saying on {@code err} why there is none. */
    /** The built-in lexicon, or with --rules DIR the one in DIR/lexicon (for whoever edits it); null if it will not load. */
    static NoteExtractor extractor(RulesOption rules, PrintWriter err) {
        if (rules.rulesDir == null || !java.nio.file.Files.isDirectory(rules.rulesDir.resolve("lexicon"))) {
            return new NoteExtractor();
        }
        try {
            return NoteExtractor.withLexicon(rules.rulesDir.resolve("lexicon"));
        } catch (java.io.IOException | RuntimeException e) {
            err.println("urcheck: the lexicon in " + rules.rulesDir.resolve("lexicon") + " will not load: " + e.getMessage());
            return null;
        }
    }

    static Extraction extract(Checker checker, NoteExtractor extractor, List<Path> files, String caseId, String jurisdiction,
                              PrintWriter err) {
        List<RecordText> records = new ArrayList<>();
        int bad = 0;
        for (Path f : files) {
            try {
                records.add(RecordReader.read(f));
            } catch (UnreadableRecordException e) {
                err.println("urcheck: " + e.getMessage());
                bad++;
            }
        }
        if (bad > 0) {
            err.println("urcheck: " + bad + " of " + files.size() + " file(s) cannot be read; no case file was written.");
            return null;
        }
        String id = caseId != null ? caseId : defaultCaseId(files.get(0));
        try {
            return extractor.extract(records, id, jurisdiction, checker.reader());
        } catch (NoRequestException e) {
            err.println("urcheck: " + e.getMessage());
            return null;
        }
    }

    static String defaultCaseId(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String id = dot > 0 ? name.substring(0, dot) : name;
        return id.length() > 200 ? id.substring(0, 200) : id;
    }
}
