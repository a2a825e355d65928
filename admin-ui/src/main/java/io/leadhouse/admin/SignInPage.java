package io.leadhouse.admin;

import java.util.Locale;
import java.util.Optional;

/** Sign-in to the console, for Owners and Admins. */
final class SignInPage {
    private SignInPage() {}

    static String render(ConsoleSession session, String email, Optional<String> error) {
        String main = String.format(Locale.ROOT, """
                <p>The admin console is for the organization's Owners and Admins.</p>
                %s<form method="post" action="/admin/sign-in" class="stack">
                %s
                <label for="email">Email</label>
                <input id="email" name="email" type="email" required autocomplete="username" value="%s">
                <label for="password">Password</label>
                <input id="password" name="password" type="password" required autocomplete="current-password">
                <button type="submit">Sign in</button>
                </form>
                """, Html.error(error), Html.csrfField(session), Html.attr(email));
        return Html.page("Sign in", "", main);
    }
}
