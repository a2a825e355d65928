package io.leadhouse.admin;

import io.javalin.http.Context;
import io.leadhouse.support.ForbiddenException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

/**
 * Runs before every request: gives it an id, sends the security headers (a strict
 * Content-Security-Policy with no inline script or style, no framing, no sniffing, no caching),
 * and, while the console listens on loopback only, refuses requests that name another host, so a
 * web page cannot reach the console through a DNS name that points at 127.0.0.1.
 */
final class ConsoleFilter {
    private static final String POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
            + " frame-ancestors 'none'; base-uri 'none'";
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");

    private final boolean loopbackOnly;

    ConsoleFilter(String listenHost) {
        this.loopbackOnly = isLoopback(listenHost);
    }

    void apply(Context ctx) {
        ConsoleErrors.assignRequestId(ctx);
        ctx.header("Content-Security-Policy", POLICY);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
        if (loopbackOnly && !LOOPBACK_NAMES.contains(hostName(ctx.header("Host")))) {
            throw new ForbiddenException("the admin console listens on loopback only; open it as http://127.0.0.1 or"
                    + " http://localhost on this server, or set admin.host to serve it under another name");
        }
    }

    private static String hostName(String hostHeader) {
        if (hostHeader == null) {
            return "";
        }
        String host = hostHeader.strip().toLowerCase(Locale.ROOT);
        int colon = host.lastIndexOf(':');
        if (colon > host.lastIndexOf(']')) {
            host = host.substring(0, colon);
        }
        return host;
    }

    private static boolean isLoopback(String listenHost) {
        try {
            return InetAddress.getByName(listenHost).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
