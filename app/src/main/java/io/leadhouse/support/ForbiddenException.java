package io.leadhouse.support;

/** Thrown when the caller is known but may not do this. */
public class ForbiddenException extends LeadhouseException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what to do next. */
    public ForbiddenException(String message) {
        super(message);
    }

    /** Creates the exception, keeping the cause. */
    public ForbiddenException(String message, Throwable cause) {
        super(message, cause);
    }
}
