package io.leadhouse.config;

import io.leadhouse.support.InvalidInputException;

/** A setting is unknown, of the wrong type or out of range; the message names the key and what to do. */
public class InvalidConfigException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a one-line message that names the key. */
    public InvalidConfigException(String message) {
        super(message);
    }
}
