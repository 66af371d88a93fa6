package urcheck.casefile;

import java.util.List;
import java.util.stream.Collectors;

/** A case file that cannot be checked, with every problem found in it. */
public class InvalidCaseFileException extends Exception {

    private final String file;
    private final List<Problem> problems;

    public InvalidCaseFileException(String file, List<Problem> problems) {
        super(file + ": " + problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        this.file = file;
        this.problems = List.copyOf(problems);
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
