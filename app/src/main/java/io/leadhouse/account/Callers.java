package io.leadhouse.account;

import io.helidon.webserver.http.ServerRequest;
import io.leadhouse.support.ForbiddenException;
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

    /** The signed-in user, who must be an Owner or Admin. */
    public static User administrator(ServerRequest request) {
        User user = current(request);
        if (!user.role().administers()) {
            throw new ForbiddenException("only an Owner or Admin may do this; you are " + user.role().label());
        }
        return user;
    }
}
