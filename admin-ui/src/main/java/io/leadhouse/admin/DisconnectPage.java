package io.leadhouse.admin;

import io.leadhouse.account.User;
import io.leadhouse.metaads.MetaPage;
import java.util.Locale;

/** Asks for confirmation before a page is disconnected and its token deleted. */
final class DisconnectPage {
    private DisconnectPage() {}

    static String render(ConsoleSession session, User user, MetaPage page) {
        String main = String.format(Locale.ROOT, """
                <p>Disconnect <strong>%s</strong> (page %s)? Its access token is deleted at once and its forms are no
                longer synced. Leads already imported stay. To connect it again you need a new page access token.</p>
                <form method="post" action="/admin/meta/pages/%s/disconnect" class="inline">
                %s
                <button type="submit" class="danger">Disconnect page</button>
                <a href="/admin">Cancel</a>
                </form>
                """, Html.text(page.name()), Html.text(page.pageId()), Html.pathSegment(page.pageId()),
                Html.csrfField(session));
        return Html.page("Disconnect a Meta page", Html.userBar(session, user), main);
    }
}
