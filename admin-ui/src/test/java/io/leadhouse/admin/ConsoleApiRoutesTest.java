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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleApiRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dataDir;
    static TestServer server;
    static AdminConsole console;
    static ConsoleClient script;
    static String token;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dataDir);
        console = AdminConsole.start(server.app(), new AdminSettings("127.0.0.1", 0));
        script = new ConsoleClient(console);
        String login = ownerLogin();
        token = JSON.readTree(script.json("POST", "/admin/api/login", login, null).body()).get("token").asText();
    }

    @AfterAll
    static void stop() {
        console.close();
        server.close();
    }

    @Test
    void logsInOwnerWithBearerTokenAndExpiry() throws Exception {
        String login = ownerLogin();

        HttpResponse<String> answer = script.json("POST", "/admin/api/login", login, null);

        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode body = JSON.readTree(answer.body());
        assertEquals("Bearer", body.get("tokenType").asText());
        assertEquals("Owner", body.get("user").get("role").asText());
        assertFalse(body.get("expiresAt").asText().isEmpty());
        assertTrue(server.app().accounts().authenticate(Secret.of(body.get("token").asText())).isPresent());
    }

    @Test
    void refusesStaffLogin() throws Exception {
        long orgId = server.app().accounts().authenticate(Secret.of(token)).orElseThrow().orgId();
        server.app().accounts().addUser(orgId, "stan@acme.example", "Stan Staff", Role.STAFF,
                Secret.of("staff password 456"));

        HttpResponse<String> refused = script.json("POST", "/admin/api/login",
                "{\"email\":\"stan@acme.example\",\"password\":\"staff password 456\"}", null);

        assertEquals(403, refused.statusCode());
        assertEquals("/problems/forbidden", JSON.readTree(refused.body()).get("type").asText());
    }

    @Test
    void refusesStaffBearerTokenFromTheMainApi() throws Exception {
        long orgId = server.app().accounts().authenticate(Secret.of(token)).orElseThrow().orgId();
        server.app().accounts().addUser(orgId, "vic@acme.example", "Vic Viewer", Role.VIEWER,
                Secret.of("viewer password 789"));
        String viewerToken = server.app().accounts().signIn("vic@acme.example", Secret.of("viewer password 789"))
                .token().reveal();

        HttpResponse<String> refused = script.json("GET", "/admin/api/meta/pages", null, viewerToken);

        assertEquals(403, refused.statusCode());
    }

    @Test
    void connectsPageAndListsItConnectedWithItsForms() throws Exception {
        HttpResponse<String> created = script.json("POST", "/admin/api/meta/pages",
                "{\"pageId\":\"300000001\",\"name\":\"Acme API\",\"accessToken\":\"EAAapi\","
                        + "\"formIds\":[\"7001\",\"7002\"]}",
                token);
        JsonNode list = JSON.readTree(script.json("GET", "/admin/api/meta/pages", null, token).body());

        assertEquals(201, created.statusCode(), created.body());
        JsonNode page = find(list, "300000001");
        assertEquals("connected", page.get("status").asText());
        assertEquals("Acme API", page.get("name").asText());
        assertEquals(List.of("7001", "7002"), texts(page.get("formIds")));
        assertFalse(page.has("accessToken"));
    }

    @Test
    void reconnectingAKnownPageAnswersOk() throws Exception {
        String body = "{\"pageId\":\"300000002\",\"name\":\"Acme Again\",\"accessToken\":\"EAAfirst\","
                + "\"formIds\":\"8001\"}";
        script.json("POST", "/admin/api/meta/pages", body, token);

        HttpResponse<String> again = script.json("POST", "/admin/api/meta/pages", body.replace("EAAfirst", "EAAsecond"),
                token);

        assertEquals(200, again.statusCode(), again.body());
        assertEquals("connected", JSON.readTree(again.body()).get("status").asText());
    }

    @Test
    void disconnectsPage() throws Exception {
        script.json("POST", "/admin/api/meta/pages",
                "{\"pageId\":\"300000003\",\"name\":\"Acme Gone\",\"accessToken\":\"EAAgone\"}", token);

        HttpResponse<String> deleted = script.json("DELETE", "/admin/api/meta/pages/300000003", null, token);
        JsonNode list = JSON.readTree(script.json("GET", "/admin/api/meta/pages", null, token).body());

        assertEquals(204, deleted.statusCode(), deleted.body());
        assertEquals("disconnected", find(list, "300000003").get("status").asText());
    }

    @Test
    void answersNotFoundForDisconnectingAnUnknownPage() throws Exception {
        HttpResponse<String> missing = script.json("DELETE", "/admin/api/meta/pages/399999999", null, token);

        assertEquals(404, missing.statusCode());
        assertEquals("/problems/not-found", JSON.readTree(missing.body()).get("type").asText());
    }

    @Test
    void answersBadRequestProblemForPageIdThatIsNotDigits() throws Exception {
        HttpResponse<String> refused = script.json("POST", "/admin/api/meta/pages",
                "{\"pageId\":\"acme-page\",\"accessToken\":\"EAAx\"}", token);

        assertEquals(400, refused.statusCode());
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElseThrow());
        JsonNode problem = JSON.readTree(refused.body());
        assertEquals("/problems/invalid-input", problem.get("type").asText());
        assertEquals("Invalid input", problem.get("title").asText());
        assertEquals(400, problem.get("status").asInt());
        assertEquals("the page id 'acme-page' is not a Meta id; Meta ids are digits only",
                problem.get("detail").asText());
        assertEquals("/admin/api/meta/pages", problem.get("instance").asText());
    }

    @Test
    void answersUnauthorizedProblemWithoutToken() throws Exception {
        HttpResponse<String> refused = script.json("GET", "/admin/api/meta/pages", null, null);

        assertEquals(401, refused.statusCode());
        assertEquals("/problems/unauthorized", JSON.readTree(refused.body()).get("type").asText());
        assertEquals("Bearer realm=\"leadhouse-admin\"",
                refused.headers().firstValue("WWW-Authenticate").orElseThrow());
    }

    @Test
    void answersUnauthorizedProblemForUnknownToken() throws Exception {
        HttpResponse<String> refused = script.json("PUT", "/admin/api/meta/app",
                "{\"appSecret\":\"a\",\"verifyToken\":\"b\"}", "not-a-session");

        assertEquals(401, refused.statusCode());
        assertEquals("/problems/unauthorized", JSON.readTree(refused.body()).get("type").asText());
    }

    @Test
    void answersBadRequestForMalformedJsonWithoutQuotingIt() throws Exception {
        HttpResponse<String> refused = script.json("POST", "/admin/api/meta/pages", "{\"pageId\": EAAquoted", token);

        assertEquals(400, refused.statusCode());
        assertFalse(refused.body().contains("EAAquoted"), refused.body());
    }

    @Test
    void refusesBodiesThatAreNotDeclaredAsJson() throws Exception {
        HttpResponse<String> refused = script.send("POST", "/admin/api/setup", "text/plain",
                "{\"organization\":\"Evil\",\"email\":\"e@evil.example\",\"password\":\"0123456789ab\"}");

        assertEquals(400, refused.statusCode());
        assertEquals("send the body as JSON with Content-Type: application/json",
                JSON.readTree(refused.body()).get("detail").asText());
    }

    @Test
    void answersPayloadTooLargeProblemForBodyOverTheLimit() throws Exception {
        String huge = "{\"pageId\":\"400000009\",\"name\":\"" + "x".repeat(70 * 1024) + "\"}";

        HttpResponse<String> refused = script.json("POST", "/admin/api/meta/pages", huge, token);

        assertEquals(413, refused.statusCode(), refused.body());
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElseThrow());
        JsonNode problem = JSON.readTree(refused.body());
        assertEquals("/problems/payload-too-large", problem.get("type").asText());
        assertEquals("the request body is too large; the console accepts at most 64 KB",
                problem.get("detail").asText());
    }

    @Test
    void showsMetaAppStateAndWebhookUrlButNeverItsSecrets() throws Exception {
        HttpResponse<String> saved = script.json("PUT", "/admin/api/meta/app",
                "{\"appSecret\":\"api-app-secret-1\",\"verifyToken\":\"api-verify-token-1\"}", token);
        HttpResponse<String> shown = script.json("GET", "/admin/api/meta/app", null, token);

        assertEquals(200, saved.statusCode(), saved.body());
        JsonNode app = JSON.readTree(shown.body());
        assertTrue(app.get("configured").asBoolean());
        assertEquals(server.app().webUrl() + "/webhooks/meta", app.get("webhookUrl").asText());
        assertEquals(2, app.size());
        assertFalse(saved.body().contains("api-app-secret-1") || saved.body().contains("api-verify-token-1"));
    }

    @Test
    void ownerOfAnotherOrganizationMayNotChangeTheInstallsMetaApp() throws Exception {
        server.app().accounts().createOrganization("Other Realty", "owner@other.example", "Ola",
                Secret.of("other owner password"));
        String otherToken = JSON.readTree(script.json("POST", "/admin/api/login",
                "{\"email\":\"owner@other.example\",\"password\":\"other owner password\"}", null).body())
                .get("token").asText();

        HttpResponse<String> refused = script.json("PUT", "/admin/api/meta/app",
                "{\"appSecret\":\"hijacked-secret\",\"verifyToken\":\"hijacked-token\"}", otherToken);

        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals("/problems/forbidden", JSON.readTree(refused.body()).get("type").asText());
        assertFalse(server.app().metaConnections().appCredentials()
                .map(app -> app.appSecret().reveal().equals("hijacked-secret")).orElse(false));
    }

    @Test
    void answersNotFoundProblemForUnknownPath() throws Exception {
        HttpResponse<String> missing = script.json("GET", "/admin/api/nothing-here", null, token);

        assertEquals(404, missing.statusCode());
        assertEquals("application/problem+json", missing.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("/problems/not-found", JSON.readTree(missing.body()).get("type").asText());
    }

    @Test
    void answersHealthWithoutSignIn() throws Exception {
        HttpResponse<String> health = script.json("GET", "/admin/api/health", null, null);

        assertEquals(200, health.statusCode());
        assertEquals("UP", JSON.readTree(health.body()).get("status").asText());
    }

    @Test
    void logOutEndsTheToken() throws Exception {
        String login = ownerLogin();
        String ownToken =
                JSON.readTree(script.json("POST", "/admin/api/login", login, null).body()).get("token").asText();

        HttpResponse<String> loggedOut = script.json("POST", "/admin/api/logout", null, ownToken);

        assertEquals(204, loggedOut.statusCode());
        assertEquals(401, script.json("GET", "/admin/api/meta/app", null, ownToken).statusCode());
    }

    private static JsonNode find(JsonNode list, String pageId) {
        for (JsonNode page : list.get("items")) {
            if (page.get("pageId").asText().equals(pageId)) {
                return page;
            }
        }
        throw new AssertionError("page " + pageId + " is not listed: " + list);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static String ownerLogin() {
        return "{\"email\":\"" + TestServer.OWNER_EMAIL + "\",\"password\":\"" + TestServer.OWNER_PASSWORD + "\"}";
    }
}
