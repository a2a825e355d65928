package io.leadhouse.metaads;

import io.leadhouse.support.UpstreamUnavailableException;
import java.util.Optional;

/**
 * A Graph API call failed: Meta answered an error, a 5xx, something unreadable, or nothing in
 * time. The message never contains the access token.
 */
public final class GraphException extends UpstreamUnavailableException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final transient GraphError error;

    /** Creates the exception for an answer with HTTP {@code status} (0 when none came) and Graph's error, if any. */
    public GraphException(String message, int status, Optional<GraphError> error) {
        super(message);
        this.status = status;
        this.error = error.orElse(null);
    }

    /** Creates the exception for a call that got no answer. */
    public GraphException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
        this.error = null;
    }

    /** The HTTP status of the answer, 0 when none came (timeout, connection refused). */
    public int status() {
        return status;
    }

    /** Graph's error, when the answer had one. */
    public Optional<GraphError> error() {
        return Optional.ofNullable(error);
    }

    /** Whether Meta refused the access token (Graph error 190): the page must be reconnected. */
    public boolean tokenRejected() {
        return error().map(GraphError::tokenRejected).orElse(false);
    }
}
