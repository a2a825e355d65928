package io.leadhouse.admin;

import io.javalin.http.Context;
import io.leadhouse.account.User;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.owasp.encoder.Encode;

/**
 * The pages' shared frame and escaping. Every value that reaches a page goes through
 * {@link #text} or {@link #attr}; the pages load one stylesheet and no script.
 */
final class Html {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Html() {}

    /** Sends a page as UTF-8 HTML; Javalin's own {@code html()} leaves the charset out. */
    static void send(Context ctx, int status, String page) {
        ctx.status(status).contentType("text/html; charset=utf-8").result(page);
    }

    /** Escapes text for an element's content. */
    static String text(String value) {
        return Encode.forHtmlContent(value == null ? "" : value);
    }

    /** Escapes text for a double-quoted attribute value. */
    static String attr(String value) {
        return Encode.forHtmlAttribute(value == null ? "" : value);
    }

    /** Escapes a path segment of a link. */
    static String pathSegment(String value) {
        return attr(Encode.forUriComponent(value == null ? "" : value));
    }

    /** A time as people read it, in UTC. */
    static String time(Instant instant) {
        return text(TIME.format(instant));
    }

    /** The hidden field that carries the session's CSRF token. */
    static String csrfField(ConsoleSession session) {
        return "<input type=\"hidden\" name=\"" + ConsoleSessions.CSRF_FIELD + "\" value=\"" + attr(session.csrfToken())
                + "\">";
    }

    /** An alert box with the error, or nothing. */
    static String error(Optional<String> message) {
        return message.map(text -> "<p class=\"error\" role=\"alert\">" + text(text) + "</p>\n").orElse("");
    }

    /** A whole page: the header, with {@link #userBar} when someone is signed in, and the main content. */
    static String page(String title, String userBar, String main) {
        return String.format(Locale.ROOT, """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · Leadhouse admin</title>
                <link rel="stylesheet" href="/admin/console.css">
                </head>
                <body>
                <header class="bar">
                <span class="brand">Leadhouse admin</span>
                %s</header>
                <main>
                <h1>%s</h1>
                %s</main>
                </body>
                </html>
                """, text(title), userBar, text(title), main);
    }

    /** Who is signed in, with a sign-out button. */
    static String userBar(ConsoleSession session, User user) {
        return String.format(Locale.ROOT, """
                <form class="signed-in" method="post" action="/admin/sign-out">
                %s<span>%s (%s)</span>
                <button type="submit" class="secondary">Sign out</button>
                </form>
                """, csrfField(session), text(user.fullName()), text(user.role().label()));
    }
}
