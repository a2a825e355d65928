package io.leadhouse.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.leadhouse.account.AccountService;
import io.leadhouse.account.SessionCookie;
import io.leadhouse.account.User;
import io.leadhouse.crypto.Secret;
import io.leadhouse.support.ForbiddenException;
import io.leadhouse.support.UnauthorizedException;
import java.util.List;
import java.util.Optional;
import org.slf4j.MDC;

/**
 * Finds the caller of each request from a bearer token or the session cookie and registers the
 * {@link User} in the request context. Paths under {@code /api/} need a user, except sign-in.
 * A state-changing request authenticated by cookie must come from this site (CSRF defence in
 * addition to the SameSite=Strict cookie).
 */
final class Authentication implements Filter {
    private static final List<String> OPEN_API_PATHS = List.of("/api/v1/auth/login");
    private final AccountService accounts;

    Authentication(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        String requestId = RequestIds.assign(request);
        response.headers().set(HeaderNames.create("X-Request-Id"), requestId);
        MDC.put("requestId", requestId);
        try {
            String path = request.path().path();
            Optional<String> bearer = request.headers().first(HeaderNames.AUTHORIZATION)
                    .filter(value -> value.regionMatches(true, 0, "Bearer ", 0, 7))
                    .map(value -> value.substring(7).strip());
            Optional<String> cookie = request.headers().cookies().first(SessionCookie.NAME).asOptional();
            Optional<User> user = bearer.or(() -> cookie).flatMap(token -> accounts.authenticate(Secret.of(token)));
            user.ifPresent(found -> {
                request.context().register(found);
                MDC.put("orgId", Long.toString(found.orgId()));
            });
            if (path.startsWith("/api/") && !OPEN_API_PATHS.contains(path)) {
                if (user.isEmpty()) {
                    throw new UnauthorizedException(bearer.isPresent() || cookie.isPresent()
                            ? "the session has expired or was ended; sign in again"
                            : "sign in first: send a bearer token or the session cookie");
                }
                if (bearer.isEmpty() && changesState(request.prologue().method()) && !sameOrigin(request)) {
                    throw new ForbiddenException("this request came from another site; use the Leadhouse web UI");
                }
            }
            chain.proceed();
        } finally {
            MDC.remove("requestId");
            MDC.remove("orgId");
        }
    }

    private static boolean changesState(Method method) {
        return !(method == Method.GET || method == Method.HEAD || method == Method.OPTIONS);
    }

    private static boolean sameOrigin(RoutingRequest request) {
        Optional<String> origin = request.headers().first(HeaderNames.ORIGIN);
        Optional<String> host = request.headers().first(HeaderNames.HOST);
        if (origin.isEmpty()) {
            // Browsers send Origin on cross-site POSTs; its absence means a same-site form or a script.
            return request.headers().first(HeaderNames.create("X-Requested-With")).isPresent();
        }
        return host.isPresent() && (origin.get().equals("http://" + host.get()) || origin.get().equals("https://"
                + host.get()));
    }
}
