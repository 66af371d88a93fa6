package urcheck.casefile;

import java.util.List;
import java.util.stream.Collectors;

/** A case file that cannot be checked, with the problems found in it (at most {@link ProblemLimit#MAX}, then a count). */
public class InvalidCaseFileException extends Exception {

    private final String file;
    private final List<Problem> problems;

    public InvalidCaseFileException(String file, List<Problem> problems) {
        this(file, ProblemLimit.capped(problems), true);
    }

    private InvalidCaseFileException(String file, List<Problem> capped, boolean alreadyCapped) {
        super(file + ": " + capped.stream().map(Problem::toString).collect(Collectors.joining("; ")), null, false, false);
        this.file = file;
        this.problems = capped;
    }

    public String file() {
        return file;
    }

    public List<Problem> problems() {
        return problems;
    }

    /** One line per problem, each naming the file: what a person reads on stderr. */
    public String report() {
        return problems.stream().map(p -> file + ": " + p).collect(Collectors.joining("\n"));
    }
}
