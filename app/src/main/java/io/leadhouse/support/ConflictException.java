package io.leadhouse.support;

/** Thrown when the request clashes with the current state, such as a duplicate. */
public class ConflictException extends LeadhouseException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what to do next. */
    public ConflictException(String message) {
        super(message);
    }

    /** Creates the exception, keeping the cause. */
    public ConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
