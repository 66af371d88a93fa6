package urcheck.audit;

/** The audit store cannot be reached or written: the server says so rather than answer without a record. */
public final class AuditStoreException extends RuntimeException {

    AuditStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
