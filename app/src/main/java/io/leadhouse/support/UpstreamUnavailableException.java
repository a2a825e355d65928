package io.leadhouse.support;

/** Thrown when an external service (Graph API, mail) failed or timed out. */
public class UpstreamUnavailableException extends LeadhouseException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what to do next. */
    public UpstreamUnavailableException(String message) {
        super(message);
    }

    /** Creates the exception, keeping the cause. */
    public UpstreamUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
