package io.leadhouse.support;

/** Thrown when the request body is of a media type the endpoint does not read, such as form data sent to JSON. */
public class UnsupportedMediaTypeException extends LeadhouseException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what to do next. */
    public UnsupportedMediaTypeException(String message) {
        super(message);
    }

    /** Creates the exception, keeping the cause. */
    public UnsupportedMediaTypeException(String message, Throwable cause) {
        super(message, cause);
    }
}
