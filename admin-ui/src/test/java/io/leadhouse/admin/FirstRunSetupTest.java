package io.leadhouse.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadhouse.account.Role;
import io.leadhouse.crypto.Secret;
import io.leadhouse.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirstRunSetupTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "a long enough passphrase";

    @TempDir
    Path dataDir;
    TestServer server;
    AdminConsole console;

    @BeforeEach
    void startWithoutOrganization() {
        server = TestServer.start(
                dataDir, Map.of("setup.org", "", "setup.owner-email", "", "setup.owner-password", ""));
        console = AdminConsole.start(server.app(), new AdminSettings("127.0.0.1", 0));
    }

    @AfterEach
    void stop() {
        console.close();
        server.close();
    }

    @Test
    void setupFormCreatesOrganizationAndSignsInItsOwner() {
        ConsoleClient browser = new ConsoleClient(console);
        String setupPage = browser.get("/admin").body();

        HttpResponse<String> done =
                browser.postForm("/admin/setup", setupForm(ConsoleClient.csrf(setupPage), PASSWORD));
        String dashboard = browser.get(done.headers().firstValue("Location").orElseThrow()).body();

        assertEquals(303, done.statusCode());
        assertEquals("/admin?done=setup", done.headers().firstValue("Location").orElseThrow());
        assertTrue(dashboard.contains("Leadhouse is set up and you are signed in as its Owner."), dashboard);
        assertTrue(dashboard.contains("Asha Rao (Owner)"), dashboard);
        Role role = server.app().accounts().signIn("asha@acme.example", Secret.of(PASSWORD)).user().role();
        assertEquals(Role.OWNER, role);
    }

    @Test
    void setupPageIsGoneOnceDone() {
        ConsoleClient first = new ConsoleClient(console);
        first.postForm("/admin/setup", setupForm(ConsoleClient.csrf(first.get("/admin").body()), PASSWORD));
        ConsoleClient second = new ConsoleClient(console);

        String page = second.get("/admin").body();
        HttpResponse<String> again = second.postForm("/admin/setup", setupForm(ConsoleClient.csrf(page), PASSWORD));

        assertFalse(page.contains("action=\"/admin/setup\""), page);
        assertTrue(page.contains("action=\"/admin/sign-in\""), page);
        assertEquals(303, again.statusCode());
        assertEquals("/admin", again.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void setupFormKeepsWhatWasTypedExceptPasswordsWhenTheyDiffer() {
        ConsoleClient browser = new ConsoleClient(console);
        Map<String, String> form = setupForm(ConsoleClient.csrf(browser.get("/admin").body()), PASSWORD);
        form.put("confirm", "another long passphrase");

        HttpResponse<String> refused = browser.postForm("/admin/setup", form);

        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("the two passwords differ"), refused.body());
        assertTrue(refused.body().contains("value=\"Acme &amp; Sons\""), refused.body());
        assertTrue(refused.body().contains("value=\"asha@acme.example\""), refused.body());
        assertFalse(refused.body().contains(PASSWORD), refused.body());
        assertFalse(server.app().accounts().isSetUp());
    }

    @Test
    void setupFormAppliesThePasswordPolicy() {
        ConsoleClient browser = new ConsoleClient(console);
        Map<String, String> form = setupForm(ConsoleClient.csrf(browser.get("/admin").body()), "short");

        HttpResponse<String> refused = browser.postForm("/admin/setup", form);

        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("the password is too short; use at least 10 characters"), refused.body());
    }

    @Test
    void jsonSetupTwiceAnswersConflict() throws Exception {
        ConsoleClient script = new ConsoleClient(console);
        String body = "{\"organization\":\"Acme\",\"fullName\":\"Asha Rao\",\"email\":\"asha@acme.example\","
                + "\"password\":\"" + PASSWORD + "\"}";

        boolean before = JSON.readTree(script.json("GET", "/admin/api/setup", null, null).body()).get("setUp")
                .asBoolean();
        HttpResponse<String> created = script.json("POST", "/admin/api/setup", body, null);
        HttpResponse<String> again = script.json("POST", "/admin/api/setup", body, null);
        boolean after = JSON.readTree(script.json("GET", "/admin/api/setup", null, null).body()).get("setUp")
                .asBoolean();

        assertFalse(before);
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("Owner", JSON.readTree(created.body()).get("owner").get("role").asText());
        assertEquals(409, again.statusCode());
        assertEquals("application/problem+json", again.headers().firstValue("Content-Type").orElseThrow());
        JsonNode problem = JSON.readTree(again.body());
        assertEquals("/problems/conflict", problem.get("type").asText());
        assertEquals("/admin/api/setup", problem.get("instance").asText());
        assertTrue(after);
    }

    private static Map<String, String> setupForm(String csrf, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf", csrf);
        form.put("organization", "Acme & Sons");
        form.put("fullName", "Asha Rao");
        form.put("email", "asha@acme.example");
        form.put("password", password);
        form.put("confirm", password);
        return form;
    }
}
