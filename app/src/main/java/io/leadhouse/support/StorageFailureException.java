package io.leadhouse.support;

/** Thrown when the database, index or file store failed. */
public class StorageFailureException extends LeadhouseException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what to do next. */
    public StorageFailureException(String message) {
        super(message);
    }

    /** Creates the exception, keeping the cause. */
    public StorageFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
