package io.leadhouse.admin;

import io.leadhouse.account.User;
import io.leadhouse.metaads.MetaPage;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The signed-in console: the install's Meta app (write-only secrets), the organization's Meta
 * pages with their state, and the form that connects or reconnects a page.
 */
final class DashboardPage {
    /**
     * The "Connect a Meta page" form as typed; the access token is never kept.
     *
     * @param pageId Meta's page id
     * @param name page name
     * @param formIds lead form ids, separated by commas or lines
     */
    record ConnectForm(String pageId, String name, String formIds) {
        static final ConnectForm EMPTY = new ConnectForm("", "", "");

        /** The form filled in to reconnect a page with a new token. */
        static ConnectForm reconnect(MetaPage page) {
            return new ConnectForm(page.pageId(), page.name(), String.join("\n", page.formIds()));
        }

        /** The form ids, split at commas and line breaks. */
        List<String> formIdList() {
            return IdLists.split(formIds);
        }
    }

    /**
     * Everything the page shows.
     *
     * @param user the signed-in Owner or Admin
     * @param appConfigured whether the Meta app secret and verify token are stored
     * @param mayConfigureApp whether this user may change the install's Meta app
     * @param webhookUrl the callback URL to enter in the Meta app
     * @param pages the organization's pages
     * @param connect the connect form's values
     * @param notice what the last action did
     * @param appError why saving the Meta app failed
     * @param connectError why connecting a page failed
     */
    record View(User user, boolean appConfigured, boolean mayConfigureApp, String webhookUrl, List<MetaPage> pages,
            ConnectForm connect, Optional<String> notice, Optional<String> appError, Optional<String> connectError) {}

    private DashboardPage() {}

    static String render(ConsoleSession session, View view) {
        String notice = view.notice().map(text -> "<p class=\"notice\" role=\"status\">" + Html.text(text) + "</p>\n")
                .orElse("");
        String main = notice + metaApp(session, view) + pages(view.pages()) + connect(session, view);
        return Html.page("Admin console", Html.userBar(session, view.user()), main);
    }

    private static String metaApp(ConsoleSession session, View view) {
        return String.format(Locale.ROOT, """
                <section aria-labelledby="meta-app">
                <h2 id="meta-app">Meta app</h2>
                <p>Status: <strong>%s</strong></p>
                <p>Webhook callback URL for the Meta app: <code>%s</code></p>
                %s</section>
                """, view.appConfigured() ? "configured" : "not configured", Html.text(view.webhookUrl()),
                view.mayConfigureApp() ? metaAppForm(session, view)
                        : "<p class=\"hint\">The Meta app is shared by every organization on this install; the"
                                + " organization that set the install up manages it.</p>\n");
    }

    private static String metaAppForm(ConsoleSession session, View view) {
        return String.format(Locale.ROOT, """
                %s<form method="post" action="/admin/meta/app" class="stack">
                %s
                <p class="hint">Both values are write-only: Leadhouse stores them encrypted and never shows them.</p>
                <label for="appSecret">App secret</label>
                <input id="appSecret" name="appSecret" type="password" required autocomplete="off">
                <label for="verifyToken">Webhook verify token</label>
                <input id="verifyToken" name="verifyToken" type="password" required autocomplete="off">
                <button type="submit">Save Meta app</button>
                </form>
                """, Html.error(view.appError()), Html.csrfField(session));
    }

    private static String pages(List<MetaPage> pages) {
        if (pages.isEmpty()) {
            return """
                    <section aria-labelledby="pages">
                    <h2 id="pages">Meta pages</h2>
                    <p>No page is connected yet.</p>
                    </section>
                    """;
        }
        StringBuilder rows = new StringBuilder();
        for (MetaPage page : pages) {
            rows.append(row(page));
        }
        return String.format(Locale.ROOT, """
                <section aria-labelledby="pages">
                <h2 id="pages">Meta pages</h2>
                <div class="table-scroll">
                <table>
                <thead><tr><th scope="col">Name</th><th scope="col">Page id</th><th scope="col">State</th>\
                <th scope="col">Forms</th><th scope="col">Last change</th><th scope="col">Actions</th></tr></thead>
                <tbody>
                %s</tbody>
                </table>
                </div>
                </section>
                """, rows);
    }

    private static String row(MetaPage page) {
        String forms = page.formIds().isEmpty() ? "none" : String.join(", ", page.formIds());
        String id = Html.pathSegment(page.pageId());
        String actions = "<a href=\"/admin?reconnect=" + id + "#connect\">Reconnect</a>";
        if (!MetaPage.DISCONNECTED.equals(page.status())) {
            actions += " <a href=\"/admin/meta/pages/" + id + "/disconnect\">Disconnect</a>";
        }
        return "<tr><td>" + Html.text(page.name()) + "</td><td>" + Html.text(page.pageId()) + "</td><td>" + state(page)
                + "</td><td>" + Html.text(forms) + "</td><td>" + Html.time(page.updatedAt()) + "</td><td>" + actions
                + "</td></tr>\n";
    }

    private static String state(MetaPage page) {
        String label = "<span class=\"state state-" + Html.attr(page.status()) + "\">"
                + Html.text(page.status().replace('_', ' ')) + "</span>";
        if (MetaPage.NEEDS_RECONNECTION.equals(page.status()) && !page.statusDetail().isBlank()) {
            label += "<br><span class=\"detail\">" + Html.text(page.statusDetail()) + "</span>";
        }
        return label;
    }

    private static String connect(ConsoleSession session, View view) {
        ConnectForm form = view.connect();
        return String.format(Locale.ROOT, """
                <section aria-labelledby="connect">
                <h2 id="connect">Connect a Meta page</h2>
                <p class="hint">To reconnect a page, connect it again with a new page access token.</p>
                %s<form method="post" action="/admin/meta/pages" class="stack">
                %s
                <label for="pageId">Page id</label>
                <input id="pageId" name="pageId" required inputmode="numeric" pattern="[0-9]+" maxlength="40"
                 value="%s">
                <label for="name">Page name</label>
                <input id="name" name="name" maxlength="200" value="%s">
                <label for="accessToken">Page access token</label>
                <input id="accessToken" name="accessToken" type="password" required autocomplete="off">
                <label for="formIds">Lead form ids to sync</label>
                <textarea id="formIds" name="formIds" rows="3" aria-describedby="formIds-hint">%s</textarea>
                <p id="formIds-hint" class="hint">Separate ids with commas or put one per line.</p>
                <button type="submit">Connect page</button>
                </form>
                </section>
                """, Html.error(view.connectError()), Html.csrfField(session), Html.attr(form.pageId()),
                Html.attr(form.name()), Html.text(form.formIds()));
    }
}
