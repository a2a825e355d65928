package io.leadhouse.account;

import io.helidon.http.SetCookie;
import java.time.Duration;
import java.time.Instant;

/** The web UI's session cookie: HttpOnly, SameSite=Strict, valid for the whole site. */
public final class SessionCookie {
    /** The cookie's name. */
    public static final String NAME = "leadhouse_session";

    private SessionCookie() {}

    /** The cookie that carries the session until it expires. */
    public static SetCookie of(SignedIn signedIn, Instant now, boolean secure) {
        return SetCookie.builder(NAME, signedIn.token().reveal())
                .path("/")
                .httpOnly(true)
                .secure(secure)
                .sameSite(SetCookie.SameSite.STRICT)
                .maxAge(Duration.between(now, signedIn.expiresAt()))
                .build();
    }

    /** The cookie that removes the session cookie from the browser. */
    public static SetCookie cleared() {
        return SetCookie.builder(NAME, "")
                .path("/")
                .httpOnly(true)
                .sameSite(SetCookie.SameSite.STRICT)
                .maxAge(Duration.ZERO)
                .build();
    }
}
