package io.leadhouse.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leadhouse.account.Role;
import io.leadhouse.crypto.Secret;
import io.leadhouse.metaads.MetaPage;
import io.leadhouse.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsolePageRoutesTest {
    @TempDir
    static Path dataDir;
    static TestServer server;
    static AdminConsole console;
    static long orgId;

    @BeforeAll
    static void start() {
        server = TestServer.start(dataDir);
        console = AdminConsole.start(server.app(), new AdminSettings("127.0.0.1", 0));
        orgId = server.app().accounts().signIn(TestServer.OWNER_EMAIL, Secret.of(TestServer.OWNER_PASSWORD)).user()
                .orgId();
    }

    @AfterAll
    static void stop() {
        console.close();
        server.close();
    }

    @Test
    void showsSignInWhenSetUpAndNotSignedIn() {
        String page = new ConsoleClient(console).get("/admin").body();

        assertTrue(page.contains("<h1>Sign in</h1>"), page);
        assertFalse(page.contains("action=\"/admin/setup\""), page);
    }

    @Test
    void refusesStaffSignInWithClearMessage() {
        server.app().accounts().addUser(orgId, "sam@acme.example", "Sam Staff", Role.STAFF,
                Secret.of("staff password 123"));
        ConsoleClient browser = new ConsoleClient(console);
        String csrf = ConsoleClient.csrf(browser.get("/admin").body());

        HttpResponse<String> refused = browser.postForm("/admin/sign-in",
                Map.of("csrf", csrf, "email", "sam@acme.example", "password", "staff password 123"));

        assertEquals(403, refused.statusCode());
        String expected = "only an Owner or Admin may use the admin console; sam@acme.example is Staff";
        assertTrue(refused.body().contains(expected), refused.body());
        assertTrue(refused.body().contains("value=\"sam@acme.example\""), refused.body());
        assertFalse(refused.body().contains("staff password 123"), refused.body());
    }

    @Test
    void refusesWrongPasswordAndKeepsTheEmail() {
        ConsoleClient browser = new ConsoleClient(console);
        String csrf = ConsoleClient.csrf(browser.get("/admin").body());

        HttpResponse<String> refused = browser.postForm("/admin/sign-in",
                Map.of("csrf", csrf, "email", TestServer.OWNER_EMAIL, "password", "not the password"));

        assertEquals(401, refused.statusCode());
        assertTrue(refused.body().contains("the email or password is wrong"), refused.body());
        assertTrue(refused.body().contains("value=\"" + TestServer.OWNER_EMAIL + "\""), refused.body());
    }

    @Test
    void refusesFormPostWithoutCsrfToken() {
        ConsoleClient browser = new ConsoleClient(console);
        browser.signIn(TestServer.OWNER_EMAIL, TestServer.OWNER_PASSWORD);

        HttpResponse<String> refused = browser.postForm("/admin/meta/pages",
                Map.of("pageId", "100000001", "name", "No token", "accessToken", "EAAtoken", "formIds", ""));

        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("this form has expired or did not come from the admin console"),
                refused.body());
        assertFalse(pageIds().contains("100000001"));
    }

    @Test
    void refusesFormPostWithWrongCsrfToken() {
        ConsoleClient browser = new ConsoleClient(console);
        browser.signIn(TestServer.OWNER_EMAIL, TestServer.OWNER_PASSWORD);

        HttpResponse<String> refused = browser.postForm("/admin/meta/pages", Map.of("csrf", "forged",
                "pageId", "100000002", "name", "Wrong token", "accessToken", "EAAtoken", "formIds", ""));

        assertEquals(403, refused.statusCode());
        assertFalse(pageIds().contains("100000002"));
    }

    @Test
    void refusesCsrfTokenOfAnotherSession() {
        ConsoleClient attacker = new ConsoleClient(console);
        String foreignToken = ConsoleClient.csrf(attacker.get("/admin").body());
        ConsoleClient browser = new ConsoleClient(console);
        browser.signIn(TestServer.OWNER_EMAIL, TestServer.OWNER_PASSWORD);

        HttpResponse<String> refused = browser.postForm("/admin/meta/pages", Map.of("csrf", foreignToken,
                "pageId", "100000003", "name", "Foreign", "accessToken", "EAAtoken", "formIds", ""));

        assertEquals(403, refused.statusCode());
    }

    @Test
    void connectsPageThroughTheFormAndListsItConnectedWithItsForms() {
        ConsoleClient browser = new ConsoleClient(console);
        String dashboard = browser.signIn(TestServer.OWNER_EMAIL, TestServer.OWNER_PASSWORD);
        Map<String, String> form =
                connectForm(ConsoleClient.csrf(dashboard), "200000001", "Acme Pune", "EAAtoken", "3001, 3002\n3003");

        HttpResponse<String> connected = browser.postForm("/admin/meta/pages", form);
        String listed = browser.get("/admin?done=page-connected").body();

        assertEquals(303, connected.statusCode(), connected.body());
        assertTrue(listed.contains("<td>Acme Pune</td><td>200000001</td><td><span class=\"state state-connected\">"
                + "connected</span></td><td>3001, 3002, 3003</td>"), listed);
        assertTrue(listed.contains("The page is connected."), listed);
        MetaPage page = server.app().metaConnections().page(orgId, "200000001").orElseThrow();
        assertEquals(List.of("3001", "3002", "3003"), page.formIds());
    }

    @Test
    void failedConnectShowsTheErrorAndKeepsWhatWasTypedExceptTheToken() {
        ConsoleClient browser = new ConsoleClient(console);
        String dashboard = browser.signIn(TestServer.OWNER_EMAIL, TestServer.OWNER_PASSWORD);

        HttpResponse<String> refused = browser.postForm("/admin/meta/pages", connectForm(ConsoleClient.csrf(dashboard),
                "12ab", "Typo page", "EAAkeepmeout", "4001"));

        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("the page id '12ab' is not a Meta id; Meta ids are digits only"),
                refused.body());
        assertTrue(refused.body().contains("maxlength=\"40\"\n value=\"12ab\">"), refused.body());
        assertTrue(refused.body().contains("value=\"Typo page\""), refused.body());
        assertTrue(refused.body().contains(">4001</textarea>"), refused.body());
        assertFalse(refused.body().contains("EAAkeepmeout"), refused.body());
    }

    @Test
    void showsPageNameWithMarkupEscaped() {
        ConsoleClient browser = new ConsoleClient(console);
        String dashboard = browser.signIn(TestServer.OWNER_EMAIL, TestServer.OWNER_PASSWORD);

        browser.postForm("/admin/meta/pages", connectForm(ConsoleClient.csrf(dashboard), "200000002",
                "<script>alert(1)</script> & \"friends\"", "EAAescape", ""));
        String listed = browser.get("/admin").body();

        assertTrue(listed.contains("<td>&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"friends\"</td>"), listed);
        assertFalse(listed.contains("<script>"), listed);
    }

    @Test
    void reconnectLinkFillsTheFormWithoutTheToken() {
        server.app().metaConnections().connectPage(orgId, "200000003", "Acme Goa", Secret.of("EAAold"),
                List.of("5001"));
        ConsoleClient browser = new ConsoleClient(console);
        browser.signIn(TestServer.OWNER_EMAIL, TestServer.OWNER_PASSWORD);

        String form = browser.get("/admin?reconnect=200000003").body();

        assertTrue(form.contains("maxlength=\"40\"\n value=\"200000003\">"), form);
        assertTrue(form.contains("maxlength=\"200\" value=\"Acme Goa\""), form);
        assertTrue(form.contains(">5001</textarea>"), form);
        assertFalse(form.contains("EAAold"), form);
    }

    @Test
    void showsWhyAPageNeedsReconnection() {
        MetaPage page = server.app().metaConnections().connectPage(orgId, "200000004", "Acme Delhi",
                Secret.of("EAAexpired"), List.of());
        server.app().metaConnections().markNeedsReconnection(page.sourceId(), "Meta error 190: the session expired");
        ConsoleClient browser = new ConsoleClient(console);

        String listed = browser.signIn(TestServer.OWNER_EMAIL, TestServer.OWNER_PASSWORD);

        assertTrue(listed.contains("<span class=\"state state-needs_reconnection\">needs reconnection</span><br>"
                + "<span class=\"detail\">Meta error 190: the session expired</span>"), listed);
    }

    @Test
    void disconnectsPageAfterConfirmation() {
        server.app().metaConnections().connectPage(orgId, "200000005", "Acme Mumbai", Secret.of("EAAbye"),
                List.of("6001"));
        ConsoleClient browser = new ConsoleClient(console);
        String dashboard = browser.signIn(TestServer.OWNER_EMAIL, TestServer.OWNER_PASSWORD);
        assertTrue(dashboard.contains("href=\"/admin/meta/pages/200000005/disconnect\""), dashboard);

        String confirmation = browser.get("/admin/meta/pages/200000005/disconnect").body();
        HttpResponse<String> done = browser.postForm("/admin/meta/pages/200000005/disconnect",
                Map.of("csrf", ConsoleClient.csrf(confirmation)));

        assertTrue(confirmation.contains("Disconnect <strong>Acme Mumbai</strong> (page 200000005)?"), confirmation);
        assertEquals(303, done.statusCode(), done.body());
        assertEquals(MetaPage.DISCONNECTED,
                server.app().metaConnections().page(orgId, "200000005").orElseThrow().status());
    }

    @Test
    void savesMetaAppAndShowsOnlyThatItIsConfigured() {
        ConsoleClient browser = new ConsoleClient(console);
        String dashboard = browser.signIn(TestServer.OWNER_EMAIL, TestServer.OWNER_PASSWORD);

        HttpResponse<String> saved = browser.postForm("/admin/meta/app", Map.of("csrf", ConsoleClient.csrf(dashboard),
                "appSecret", "app-secret-value-1", "verifyToken", "verify-token-value-1"));
        String after = browser.get("/admin").body();

        assertEquals(303, saved.statusCode(), saved.body());
        assertTrue(after.contains("Status: <strong>configured</strong>"), after);
        assertTrue(after.contains("<code>" + server.app().webUrl() + "/webhooks/meta</code>"), after);
        assertFalse(after.contains("app-secret-value-1"), after);
        assertFalse(after.contains("verify-token-value-1"), after);
    }

    @Test
    void signOutEndsTheConsoleSession() {
        ConsoleClient browser = new ConsoleClient(console);
        String dashboard = browser.signIn(TestServer.OWNER_EMAIL, TestServer.OWNER_PASSWORD);

        HttpResponse<String> signedOut =
                browser.postForm("/admin/sign-out", Map.of("csrf", ConsoleClient.csrf(dashboard)));
        String after = browser.get("/admin").body();

        assertEquals(303, signedOut.statusCode());
        assertTrue(after.contains("<h1>Sign in</h1>"), after);
    }

    @Test
    void sendsStrictSecurityHeadersAndConsoleCookie() {
        HttpResponse<String> page = new ConsoleClient(console).get("/admin");

        assertEquals("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none';"
                + " base-uri 'none'", page.headers().firstValue("Content-Security-Policy").orElseThrow());
        assertEquals("text/html;charset=utf-8", page.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElseThrow());
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElseThrow());
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith(ConsoleSessions.COOKIE + "="), cookie);
        assertTrue(cookie.endsWith("; Path=/admin; HttpOnly; SameSite=Strict"), cookie);
    }

    @Test
    void servesTheStylesheet() {
        HttpResponse<String> css = new ConsoleClient(console).get("/admin/console.css");

        assertEquals(200, css.statusCode());
        assertEquals("text/css; charset=utf-8", css.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(css.body().contains(":focus-visible"), css.body());
    }

    private static List<String> pageIds() {
        return server.app().metaConnections().pages(orgId).stream().map(MetaPage::pageId).toList();
    }

    private static Map<String, String> connectForm(
            String csrf, String pageId, String name, String token, String forms) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf", csrf);
        form.put("pageId", pageId);
        form.put("name", name);
        form.put("accessToken", token);
        form.put("formIds", forms);
        return form;
    }
}
