package io.leadhouse.admin;

import java.util.Locale;

/** A page that explains a failed request and links back to the console. */
final class ErrorPage {
    private ErrorPage() {}

    static String render(String title, String message) {
        String main = String.format(Locale.ROOT, """
                <p class="error" role="alert">%s</p>
                <p><a href="/admin">Back to the admin console</a></p>
                """, Html.text(message));
        return Html.page(title, "", main);
    }
}
