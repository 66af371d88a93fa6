package urcheck.batch;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import urcheck.Checker;
import urcheck.answer.AnswerJson;
import urcheck.answer.CompactAnswer;
import urcheck.casefile.CaseFile;
import urcheck.casefile.CaseFileReader;
import urcheck.casefile.InvalidCaseFileException;
import urcheck.casefile.Problem;
import urcheck.engine.CaseChecker;
import urcheck.engine.Evaluation;

/**
 * Checks one line of a JSONL batch: the line is a case file; the result is the line to write, the
 * compact form of what {@code check --json} gives for that case (or the compact answer), or a {@link LineError}.
 * With trusted input ({@code check --batch --trusted-input}) the case-file schema is not checked and every
 * line written says so first: {@value #INPUT_VALIDATION_SKIPPED}. Thread-safe (the checker is).
 */
public final class CaseLines {

    public enum Kind { CHECKED, INVALID, FAILED }

    /** The option that skips the schema; only the command line offers it, never the HTTP API. */
    public static final String TRUSTED_INPUT_OPTION = "--trusted-input";
    /** What each line written under it starts with (docs/answer.md), so no answer is taken as validated. */
    public static final String INPUT_VALIDATION_SKIPPED = "\"inputValidation\":\"skipped: " + TRUSTED_INPUT_OPTION + "\"";
    private static final String MARKED_START = "{" + INPUT_VALIDATION_SKIPPED + ",";

    /**
     * The JSON line to write, and for an error what to tell a person on stderr. A class, not a record: under
     * {@code --trusted-input} the line is the answer with a field put first, written by {@link #writeTo}
     * without building it (copying an 8 KB answer once more cost ~3 us a line).
     */
    public static final class Result {
        private final Kind kind;
        private final String json;
        private final String report;
        private final boolean validationSkipped;

        Result(Kind kind, String json, String report, boolean validationSkipped) {
            this.kind = kind;
            this.json = json;
            this.report = report;
            this.validationSkipped = validationSkipped;
        }

        public Kind kind() {
            return kind;
        }

        /** The line, as {@link #writeTo} writes it. */
        public String json() {
            return validationSkipped ? marked(json) : json;
        }

        /** For an invalid or failed line, what to print on stderr; null for an answer. */
        public String report() {
            return report;
        }

        /** Writes the line (without its newline). */
        public void writeTo(Writer out) throws IOException {
            if (validationSkipped && json.startsWith("{") && json.length() > 2) {
                out.write(MARKED_START);
                out.write(json, 1, json.length() - 1);
            } else {
                out.write(json());
            }
        }
    }

    private final Checker checker;
    private final String edition;
    private final String inputName;
    private final boolean trustedInput;
    /** Null: the full answer; else each line is the compact answer (docs/answer.md). */
    private final CompactAnswer compact;

    /**
     * @param inputName how messages name the input ("cases.jsonl", "stdin")
     * @param edition the ODG edition overriding each case's own, or null
     */
    public CaseLines(Checker checker, String edition, String inputName) {
        this(checker, edition, inputName, false, false);
    }

    /**
     * @param trustedInput read without the schema validation step ({@link CaseFileReader#readTrusted}),
     *                     and say so in every line written
     * @param compact      each line is the compact answer ({@code check --batch --compact}) rather than the full one
     */
    public CaseLines(Checker checker, String edition, String inputName, boolean trustedInput, boolean compact) {
        this.checker = checker;
        this.edition = edition;
        this.inputName = inputName;
        this.trustedInput = trustedInput;
        this.compact = compact ? new CompactAnswer(checker.rules()) : null;
    }

    /** The line's JSON object with the trusted-input field first. */
    static String marked(String json) {
        if (!json.startsWith("{")) {
            throw new IllegalStateException("a batch line is not a JSON object");
        }
        return "{" + INPUT_VALIDATION_SKIPPED + (json.equals("{}") ? "}" : "," + json.substring(1));
    }

    public Result check(long lineNumber, String line) {
        return checkChunk(lineNumber, List.of(line)).get(0);
    }

    /**
     * The lines of one chunk of a batch, {@code firstLine} the number of the first. The valid cases share their rule
     * sessions ({@link Checker#evaluateEach}); each line's answer is the one {@link #check} gives it alone, and a
     * failure lands on its own line while the others are answered.
     */
    public List<Result> checkChunk(long firstLine, List<String> lines) {
        // A session's worth of lines at a time: the cases read, their evaluations and their answers are dropped
        // before the next group is read (a whole chunk's of them alive at once made the young collections copy
        // five times as much: docs/speed.md).
        List<Result> out = new ArrayList<>(lines.size());
        for (int from = 0; from < lines.size(); from += CaseChecker.CASES_PER_SESSION) {
            out.addAll(checkGroup(firstLine + from, lines.subList(from, Math.min(lines.size(), from + CaseChecker.CASES_PER_SESSION))));
        }
        return out;
    }

    private List<Result> checkGroup(long firstLine, List<String> lines) {
        Result[] out = new Result[lines.size()];
        List<CaseFile> files = new ArrayList<>(lines.size());
        List<Integer> at = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            long lineNumber = firstLine + i;
            String line = lines.get(i);
            String name = inputName + ": line " + lineNumber;
            if (line == BoundedLineReader.TOO_LONG) {
                out[i] = invalid(lineNumber, name, List.of(new Problem("$", "the line is longer than "
                        + BoundedLineReader.MAX_CHARS + " characters; expected one case file (a few kilobytes) per line")));
            } else if (line.isBlank()) {
                out[i] = invalid(lineNumber, name, List.of(new Problem("$", "empty line; expected a case file (a JSON object) on every line")));
            } else {
                try {
                    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
                    files.add(trustedInput ? checker.reader().readTrusted(name, bytes) : checker.reader().read(name, bytes));
                    at.add(i);
                } catch (InvalidCaseFileException e) {
                    out[i] = invalid(lineNumber, name, e.problems());
                } catch (RuntimeException e) {
                    out[i] = failed(lineNumber, name, e);
                }
            }
        }
        List<Checker.Evaluated> evaluated = checker.evaluateEach(files, edition);
        for (int k = 0; k < files.size(); k++) {
            int i = at.get(k);
            try {
                if (evaluated.get(k).failure() != null) {
                    throw evaluated.get(k).failure();
                }
                Evaluation evaluation = evaluated.get(k).evaluation();
                String json = compact != null ? compact.json(evaluation)
                        : AnswerJson.compact(checker.answers().answer(evaluation));
                out[i] = new Result(Kind.CHECKED, json, null, trustedInput);
            } catch (RuntimeException e) {
                out[i] = failed(firstLine + i, inputName + ": line " + (firstLine + i), e);
            }
        }
        return Arrays.asList(out);
    }

    private Result failed(long lineNumber, String name, RuntimeException e) {
        // The class and where, never the message: an exception's message can quote the case.
        Problem p = new Problem("$", e.getClass().getSimpleName() + " at " + Checker.whereFailed(e));
        return new Result(Kind.FAILED, AnswerJson.compact(new LineError(lineNumber, LineError.INTERNAL, List.of(p))),
                name + ": internal error: " + p.message(), trustedInput);
    }

    private Result invalid(long lineNumber, String name, List<Problem> problems) {
        return new Result(Kind.INVALID, AnswerJson.compact(new LineError(lineNumber, LineError.INVALID, problems)),
                problems.stream().map(p -> name + ": " + p).collect(Collectors.joining("\n")), trustedInput);
    }
}
