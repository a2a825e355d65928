package io.leadhouse.support;

/** Thrown when the caller sent something malformed or out of range. */
public class InvalidInputException extends LeadhouseException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what to do next. */
    public InvalidInputException(String message) {
        super(message);
    }

    /** Creates the exception, keeping the cause. */
    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
