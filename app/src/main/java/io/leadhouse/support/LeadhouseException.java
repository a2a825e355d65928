package io.leadhouse.support;

/**
 * The root of every exception Leadhouse throws on purpose. Subclasses say what went wrong for the
 * caller; the HTTP layer maps each to one status and the CLI prints its message as one line.
 */
public class LeadhouseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception whose message tells the reader what failed and what to do. */
    public LeadhouseException(String message) {
        super(message);
    }

    /** Creates an exception that wraps the cause it came from. */
    public LeadhouseException(String message, Throwable cause) {
        super(message, cause);
    }
}
