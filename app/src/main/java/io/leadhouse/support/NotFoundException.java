package io.leadhouse.support;

/** Thrown when the thing asked for does not exist, or the caller may not see it. */
public class NotFoundException extends LeadhouseException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what to do next. */
    public NotFoundException(String message) {
        super(message);
    }

    /** Creates the exception, keeping the cause. */
    public NotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
