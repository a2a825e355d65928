package io.leadhouse.account;

import io.helidon.webserver.http.ServerRequest;
import io.leadhouse.support.UnauthorizedException;

/**
 * Reads the signed-in user that the HTTP layer's authentication filter put into the request
 * context. Feature routes call this instead of parsing tokens themselves.
 */
public final class Callers {
    private Callers() {}

    /** The signed-in user of this request. */
    public static User current(ServerRequest request) {
        return request.context().get(User.class)
                .orElseThrow(() ->
                        new UnauthorizedException("sign in first: send a bearer token or the session cookie"));
    }
}
