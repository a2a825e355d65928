package io.leadhouse.admin;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.leadhouse.support.ProblemType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into an answer: problem+json (RFC 9457) under {@code /admin/api/}, an error
 * page elsewhere. Each exception kind has one type, title and status, the same as the API
 * server's; a 5xx never carries exception text, only the request id to quote.
 */
final class ConsoleErrors {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleErrors.class);
    private static final String REQUEST_ID = "leadhouse.requestId";

    private ConsoleErrors() {}

    /** Gives the request an id for its problem answers and logs, also sent as {@code X-Request-Id}. */
    static void assignRequestId(Context ctx) {
        String id = UUID.randomUUID().toString().substring(0, 13);
        ctx.attribute(REQUEST_ID, id);
        ctx.header("X-Request-Id", id);
    }

    /** Answers the request that failed with {@code error}. */
    static void handle(Exception error, Context ctx) {
        ProblemType kind = kindOf(error);
        String detail = detail(error, kind, ctx);
        if (ctx.path().startsWith("/admin/api/")) {
            sendProblem(ctx, kind, detail);
        } else if (kind.status() == 401) {
            ctx.redirect("/admin", HttpStatus.SEE_OTHER);
        } else {
            Html.send(ctx, kind.status(), ErrorPage.render(kind.title(), detail));
        }
    }

    /**
     * Answers a 404 or 405 that Javalin gave itself (no route matched) the console's way; answers
     * the console already wrote are left alone.
     */
    static void handleUnmatched(Context ctx) {
        String written = ctx.res().getContentType();
        if (written != null && (written.startsWith("application/problem+json") || written.startsWith("text/html"))) {
            return;
        }
        handle(new HttpResponseException(ctx.statusCode()), ctx);
    }

    /** Sends a problem+json answer. */
    static void sendProblem(Context ctx, ProblemType kind, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", kind.type());
        body.put("title", kind.title());
        body.put("status", kind.status());
        body.put("detail", detail);
        body.put("instance", ctx.path());
        body.put("requestId", requestId(ctx));
        if (kind.status() == 401) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"leadhouse-admin\"");
        }
        ConsoleJson.send(ctx, kind.status(), body, "application/problem+json");
    }

    /** The kind of failure an exception stands for: ours by {@link ProblemType}, Javalin's by its status. */
    static ProblemType kindOf(Exception error) {
        return ProblemType.of(error).orElseGet(() -> error instanceof HttpResponseException http
                ? ProblemType.ofStatus(http.getStatus())
                : ProblemType.INTERNAL);
    }

    private static String detail(Exception error, ProblemType kind, Context ctx) {
        if (!kind.showsDetail()) {
            LOG.error("requestId={} {} {} failed in the admin console", requestId(ctx), ctx.method().name(),
                    ctx.path(), error);
            return "the admin console failed to answer this request; quote request id " + requestId(ctx)
                    + " to your administrator";
        }
        if (error instanceof HttpResponseException) {
            // Javalin's own messages may quote the request; answer with fixed text instead.
            return switch (kind.status()) {
                case 404 -> "nothing is served at " + ctx.method().name() + " " + ctx.path() + "; check the path";
                case 405 -> ctx.method().name() + " is not allowed on " + ctx.path();
                case 413 -> "the request body is too large; the console accepts at most 64 KB";
                default -> "the request could not be read; check its headers and body";
            };
        }
        return error.getMessage() == null ? kind.title() : error.getMessage();
    }

    private static String requestId(Context ctx) {
        String id = ctx.attribute(REQUEST_ID);
        return id == null ? "unknown" : id;
    }
}
