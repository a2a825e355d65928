package io.leadhouse.support;

/** Thrown when the caller is not signed in, or the credentials are wrong. */
public class UnauthorizedException extends LeadhouseException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what to do next. */
    public UnauthorizedException(String message) {
        super(message);
    }

    /** Creates the exception, keeping the cause. */
    public UnauthorizedException(String message, Throwable cause) {
        super(message, cause);
    }
}
