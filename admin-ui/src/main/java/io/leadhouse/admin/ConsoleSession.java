package io.leadhouse.admin;

import io.leadhouse.crypto.Secret;
import java.time.Instant;

/**
 * One browser's visit to the console. The cookie carries only {@code id}; the CSRF token and the
 * app session token stay on the server.
 *
 * @param id random id sent in the console cookie
 * @param csrfToken synchronizer token every form of this session must send back
 * @param appToken the Leadhouse session token after sign-in; empty before
 * @param expiresAt when the console forgets this session
 */
record ConsoleSession(String id, String csrfToken, Secret appToken, Instant expiresAt) {
    /** Whether an Owner or Admin signed in through this session. */
    boolean signedIn() {
        return !appToken.isEmpty();
    }
}
