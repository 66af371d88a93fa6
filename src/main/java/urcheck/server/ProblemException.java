package urcheck.server;

import java.util.Map;

/** Ends a request with a problem answer; thrown wherever the request turns out to be wrong. */
final class ProblemException extends RuntimeException {

    private final ProblemDetails problem;
    private final Map<String, String> headers;

    ProblemException(ProblemDetails problem) {
        this(problem, Map.of());
    }

    ProblemException(ProblemDetails problem, Map<String, String> headers) {
        super(problem.title(), null, false, false);
        this.problem = problem;
        this.headers = Map.copyOf(headers);
    }

    ProblemDetails problem() {
        return problem;
    }

    Map<String, String> headers() {
        return headers;
    }
}
