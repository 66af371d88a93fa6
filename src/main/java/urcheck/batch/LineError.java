package urcheck.batch;

import java.util.List;
import urcheck.casefile.Problem;

/**
 * The output record for a batch line that could not be checked: which line, what kind of error and,
 * for an invalid case, each problem with its field path. Never any of the line's clinical content.
 */
public record LineError(long line, String error, List<Problem> problems) {

    public static final String INVALID = "invalid case";
    public static final String INTERNAL = "internal error";

    public LineError {
        problems = List.copyOf(problems);
    }
}
