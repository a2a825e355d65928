package io.leadhouse.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Adds a strict Content-Security-Policy and related headers to every answer: the web UI loads
 * scripts and styles from this origin only, never inline, and cannot be framed.
 */
final class SecurityHeaders implements Filter {
    private static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        response.headers().set(HeaderNames.create("Content-Security-Policy"), POLICY);
        response.headers().set(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
        response.headers().set(HeaderNames.create("Referrer-Policy"), "same-origin");
        response.headers().set(HeaderNames.create("X-Frame-Options"), "DENY");
        chain.proceed();
    }
}
