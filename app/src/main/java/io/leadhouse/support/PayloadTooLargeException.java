package io.leadhouse.support;

/** Thrown when the request body is over the allowed size. */
public class PayloadTooLargeException extends LeadhouseException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what to do next. */
    public PayloadTooLargeException(String message) {
        super(message);
    }

    /** Creates the exception, keeping the cause. */
    public PayloadTooLargeException(String message, Throwable cause) {
        super(message, cause);
    }
}
