package io.leadhouse.admin;

import java.util.Locale;
import java.util.Optional;

/** First-run setup: the organization and its Owner. Shown only while no organization exists. */
final class SetupPage {
    /**
     * What was typed, kept when a submission fails; passwords are never kept.
     *
     * @param organization organization name
     * @param fullName the Owner's name
     * @param email the Owner's email
     */
    record Form(String organization, String fullName, String email) {
        static final Form EMPTY = new Form("", "", "");
    }

    private SetupPage() {}

    static String render(ConsoleSession session, Form form, Optional<String> error) {
        String main = String.format(Locale.ROOT, """
                <p>No organization exists yet. Create it and its Owner; this page then closes for good.</p>
                %s<form method="post" action="/admin/setup" class="stack">
                %s
                <label for="organization">Organization name</label>
                <input id="organization" name="organization" required maxlength="200" autocomplete="organization"
                 value="%s">
                <label for="fullName">Your name</label>
                <input id="fullName" name="fullName" required maxlength="200" autocomplete="name" value="%s">
                <label for="email">Email</label>
                <input id="email" name="email" type="email" required maxlength="320" autocomplete="email" value="%s">
                <label for="password">Password</label>
                <input id="password" name="password" type="password" required minlength="10" autocomplete="new-password"
                 aria-describedby="password-hint">
                <p id="password-hint" class="hint">At least 10 characters; a few words make a good one.</p>
                <label for="confirm">Password again</label>
                <input id="confirm" name="confirm" type="password" required minlength="10" autocomplete="new-password">
                <button type="submit">Create organization and Owner</button>
                </form>
                """, Html.error(error), Html.csrfField(session), Html.attr(form.organization()),
                Html.attr(form.fullName()), Html.attr(form.email()));
        return Html.page("Set up Leadhouse", "", main);
    }
}
