package urcheck.batch;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import urcheck.Checker;
import urcheck.answer.AnswerJson;
import urcheck.answer.CompactAnswer;
import urcheck.casefile.CaseFile;
import urcheck.casefile.InvalidCaseFileException;
import urcheck.casefile.Problem;

/**
 * Checks one line of a JSONL batch: the line is a case file; the result is the line to write, the
 * compact form of what {@code check --json} gives for that case (or the compact answer), or a {@link LineError}.
 * Thread-safe (the checker is).
 */
public final class CaseLines {

    public enum Kind { CHECKED, INVALID, FAILED }

    /** The JSON line to write, and for an error what to tell a person on stderr. */
    public record Result(Kind kind, String json, String report) {
    }

    private final Checker checker;
    private final String edition;
    private final String inputName;
    /** Null: the full answer; else each line is the compact answer (docs/answer.md). */
    private final CompactAnswer compact;

    /**
     * @param inputName how messages name the input ("cases.jsonl", "stdin")
     * @param edition the ODG edition overriding each case's own, or null
     */
    public CaseLines(Checker checker, String edition, String inputName) {
        this(checker, edition, inputName, false);
    }

    /** @param compact whether each line is the compact answer ({@code check --batch --compact}) rather than the full one */
    public CaseLines(Checker checker, String edition, String inputName, boolean compact) {
        this.checker = checker;
        this.edition = edition;
        this.inputName = inputName;
        this.compact = compact ? new CompactAnswer(checker.rules()) : null;
    }

    public Result check(long lineNumber, String line) {
        String name = inputName + ": line " + lineNumber;
        if (line == BoundedLineReader.TOO_LONG) {
            return invalid(lineNumber, name, List.of(new Problem("$", "the line is longer than " + BoundedLineReader.MAX_CHARS
                    + " characters; expected one case file (a few kilobytes) per line")));
        }
        if (line.isBlank()) {
            return invalid(lineNumber, name, List.of(new Problem("$", "empty line; expected a case file (a JSON object) on every line")));
        }
        try {
            CaseFile file = checker.reader().read(name, line.getBytes(StandardCharsets.UTF_8));
            String json = compact != null ? compact.json(checker.evaluate(file, edition))
                    : AnswerJson.compact(checker.answer(file, edition));
            return new Result(Kind.CHECKED, json, null);
        } catch (InvalidCaseFileException e) {
            return invalid(lineNumber, name, e.problems());
        } catch (RuntimeException e) {
            // The class and where, never the message: an exception's message can quote the case.
            Problem p = new Problem("$", e.getClass().getSimpleName() + " at " + Checker.whereFailed(e));
            return new Result(Kind.FAILED, AnswerJson.compact(new LineError(lineNumber, LineError.INTERNAL, List.of(p))),
                    name + ": internal error: " + p.message());
        }
    }

    private static Result invalid(long lineNumber, String name, List<Problem> problems) {
        return new Result(Kind.INVALID, AnswerJson.compact(new LineError(lineNumber, LineError.INVALID, problems)),
                problems.stream().map(p -> name + ": " + p).collect(Collectors.joining("\n")));
    }
}
