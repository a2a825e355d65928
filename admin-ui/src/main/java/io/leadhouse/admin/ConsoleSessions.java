package io.leadhouse.admin;

import io.javalin.http.Context;
import io.leadhouse.account.SignedIn;
import io.leadhouse.crypto.Secret;
import io.leadhouse.support.ForbiddenException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's browser sessions, in memory: an HttpOnly SameSite=Strict cookie holds a random id,
 * and each session keeps its own CSRF token. A restart forgets them; people sign in again.
 * Thread-safe.
 */
final class ConsoleSessions {
    /** The console's own cookie, apart from the web UI's. */
    static final String COOKIE = "leadhouse_admin";
    /** The form field that carries the CSRF token. */
    static final String CSRF_FIELD = "csrf";
    private static final Duration ANONYMOUS_LIFETIME = Duration.ofMinutes(30);
    private static final int MAX_SESSIONS = 1_000;

    private final Map<String, ConsoleSession> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    ConsoleSessions(Clock clock) {
        this.clock = clock;
    }

    /** The unexpired session named by the request's cookie, if any. */
    Optional<ConsoleSession> find(Context ctx) {
        String id = ctx.cookie(COOKIE);
        if (id == null) {
            return Optional.empty();
        }
        ConsoleSession session = sessions.get(id);
        if (session == null || !session.expiresAt().isAfter(clock.instant())) {
            sessions.remove(id);
            return Optional.empty();
        }
        return Optional.of(session);
    }

    /** The request's session, or a new anonymous one whose cookie goes out with the answer. */
    ConsoleSession findOrStart(Context ctx) {
        return find(ctx).orElseGet(() -> start(ctx, Secret.of(""), clock.instant().plus(ANONYMOUS_LIFETIME)));
    }

    /**
     * The session of a form post whose CSRF token matches.
     *
     * @throws ForbiddenException when the session is unknown or the token is missing or wrong
     */
    ConsoleSession requireCsrf(Context ctx) {
        String sent = ctx.formParam(CSRF_FIELD);
        Optional<ConsoleSession> session = find(ctx);
        if (sent == null || session.isEmpty() || !MessageDigest.isEqual(
                sent.getBytes(StandardCharsets.UTF_8), session.get().csrfToken().getBytes(StandardCharsets.UTF_8))) {
            throw new ForbiddenException("this form has expired or did not come from the admin console;"
                    + " open the console again, reload the page and submit the form once more");
        }
        return session.get();
    }

    /** Replaces the session by a new one (new id, new CSRF token) that carries the sign-in. */
    ConsoleSession signIn(Context ctx, ConsoleSession previous, SignedIn signedIn) {
        // A fresh id on sign-in means an id planted before it (session fixation) opens nothing.
        sessions.remove(previous.id());
        return start(ctx, signedIn.token(), signedIn.expiresAt());
    }

    /** Forgets the session and clears the cookie. */
    void end(Context ctx, ConsoleSession session) {
        sessions.remove(session.id());
        setCookie(ctx, "", 0);
    }

    private ConsoleSession start(Context ctx, Secret appToken, Instant expiresAt) {
        makeRoom();
        ConsoleSession session = new ConsoleSession(randomToken(), randomToken(), appToken, expiresAt);
        sessions.put(session.id(), session);
        setCookie(ctx, session.id(), -1);
        return session;
    }

    private void makeRoom() {
        if (sessions.size() < MAX_SESSIONS) {
            return;
        }
        Instant now = clock.instant();
        sessions.values().removeIf(session -> !session.expiresAt().isAfter(now));
        while (sessions.size() >= MAX_SESSIONS) {
            // Anonymous sessions expire first, so a flood of visits evicts them before signed-in ones.
            sessions.values().stream().min(Comparator.comparing(ConsoleSession::expiresAt))
                    .ifPresent(oldest -> sessions.remove(oldest.id()));
        }
    }

    private static void setCookie(Context ctx, String value, int maxAgeSeconds) {
        StringBuilder cookie = new StringBuilder(COOKIE).append('=').append(value)
                .append("; Path=/admin; HttpOnly; SameSite=Strict");
        if (maxAgeSeconds >= 0) {
            cookie.append("; Max-Age=").append(maxAgeSeconds);
        }
        if ("https".equals(ctx.scheme())) {
            cookie.append("; Secure");
        }
        ctx.header("Set-Cookie", cookie.toString());
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
