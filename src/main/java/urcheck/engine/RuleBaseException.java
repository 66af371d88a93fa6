package urcheck.engine;

/** The knowledge base in rules/ cannot be loaded: a compile error, an empty rule base, a broken catalogue. */
public class RuleBaseException extends RuntimeException {
    public RuleBaseException(String message) {
        super(message);
    }

    public RuleBaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
