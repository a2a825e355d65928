package io.leadhouse.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadhouse.account.Role;
import io.leadhouse.account.User;
import io.leadhouse.crypto.Secret;
import io.leadhouse.testing.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/v1/views} through the real server: each user sees and deletes only their own views. */
class SavedViewRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "another good password";
    @TempDir
    static Path dataDir;
    static TestServer server;
    static String owner;
    static String colleague;
    static String stranger;

    @BeforeAll
    static void start() {
        server = TestServer.start(dataDir);
        owner = server.ownerToken();
        User ownerUser = server.app().accounts().authenticate(Secret.of(owner)).orElseThrow();
        server.app().accounts().addUser(ownerUser.orgId(), "colleague@example.test", "Colleague", Role.STAFF,
                Secret.of(PASSWORD));
        colleague = server.app().accounts().signIn("colleague@example.test", Secret.of(PASSWORD)).token().reveal();
        server.app().accounts().createOrganization("Other", "stranger@example.test", "Stranger", Secret.of(PASSWORD));
        stranger = server.app().accounts().signIn("stranger@example.test", Secret.of(PASSWORD)).token().reveal();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void savesAViewWithItsFiltersAndSearchAndListsIt() throws Exception {
        HttpResponse<String> created = server.postJson("/api/v1/views",
                "{\"name\":\" Hot Meta \",\"query\":{\"source\":\"meta\",\"status\":\"open\",\"stage\":\"\","
                        + "\"q\":\" asha \"}}", owner);
        assertEquals(201, created.statusCode(), created.body());
        JsonNode view = JSON.readTree(created.body());
        assertEquals("Hot Meta", view.get("name").asText());
        assertEquals("{\"source\":\"meta\",\"status\":\"open\",\"q\":\"asha\"}", view.get("query").toString());
        assertEquals("/api/v1/views/" + view.get("id").asLong(),
                created.headers().firstValue("Location").orElseThrow());

        assertEquals(true, names(owner).contains("Hot Meta"));
    }

    @Test
    void sameNameTwiceIsConflict() throws Exception {
        assertEquals(201, save(owner, "Twice", "{}").statusCode());
        HttpResponse<String> again = save(owner, "Twice", "{\"status\":\"won\"}");
        assertEquals(409, again.statusCode(), again.body());
        assertEquals("you already have a view named 'Twice'; choose another name or delete that view first",
                JSON.readTree(again.body()).get("detail").asText());
    }

    @Test
    void anotherUserMaySaveTheSameNameAndSeesOnlyTheirOwn() throws Exception {
        assertEquals(201, save(colleague, "Mine", "{}").statusCode());
        assertEquals(201, save(stranger, "Mine", "{}").statusCode());
        assertEquals(List.of("Mine"), names(colleague));
        assertEquals(List.of("Mine"), names(stranger));
    }

    @Test
    void deletesOwnViewAndItIsGone() throws Exception {
        long id = JSON.readTree(save(owner, "Short lived", "{}").body()).get("id").asLong();
        assertEquals(204, delete(id, owner).statusCode());
        assertEquals(false, names(owner).contains("Short lived"));
        assertEquals(404, delete(id, owner).statusCode());
    }

    @Test
    void anotherUsersViewIsNotFound() throws Exception {
        long id = JSON.readTree(save(owner, "Owner only", "{}").body()).get("id").asLong();
        assertEquals(404, delete(id, colleague).statusCode());
        assertEquals(404, delete(id, stranger).statusCode());
        assertEquals(true, names(owner).contains("Owner only"));
    }

    @Test
    void nonNumericIdIsNotFound() {
        assertEquals(404, delete("abc", owner).statusCode());
    }

    @Test
    void emptyNameIsBadRequest() throws Exception {
        assertBadRequest(save(owner, "  ", "{}"), "'name' is empty; give the view a name of 1 to 80 characters");
    }

    @Test
    void nameOfEightyOneCharactersIsBadRequest() throws Exception {
        assertBadRequest(save(owner, "x".repeat(81), "{}"), "'name' is 81 characters long; use at most 80");
    }

    @Test
    void nameWithControlCharacterIsBadRequest() throws Exception {
        assertBadRequest(save(owner, "a\\u0007b", "{}"),
                "'name' contains a control character; send one line of text");
    }

    @Test
    void queryWithUnknownValueIsBadRequestLikeTheLeadsList() throws Exception {
        assertBadRequest(save(owner, "Bad source", "{\"source\":\"tiktok\"}"),
                "source is 'tiktok'; use one of manual, meta or leave it out");
    }

    @Test
    void queryWithUnknownFieldIsBadRequest() throws Exception {
        assertBadRequest(save(owner, "Bad field", "{\"colour\":\"red\"}"),
                "'query' has the unknown field 'colour'; use source, stage, status, createdFrom, createdTo or q");
    }

    @Test
    void listWithoutSignInIsUnauthorized() {
        assertEquals(401, server.get("/api/v1/views", null).statusCode());
    }

    private static void assertBadRequest(HttpResponse<String> response, String detail) throws Exception {
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(detail, JSON.readTree(response.body()).get("detail").asText());
    }

    private static HttpResponse<String> save(String token, String name, String query) {
        return server.postJson("/api/v1/views", "{\"name\":\"" + name + "\",\"query\":" + query + "}", token);
    }

    private static HttpResponse<String> delete(Object id, String token) {
        return server.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/views/" + id)).DELETE()
                .header("Authorization", "Bearer " + token).build());
    }

    private static List<String> names(String token) throws Exception {
        HttpResponse<String> listed = server.get("/api/v1/views", token);
        assertEquals(200, listed.statusCode(), listed.body());
        List<String> names = new ArrayList<>();
        JSON.readTree(listed.body()).get("items").forEach(view -> names.add(view.get("name").asText()));
        return names;
    }
}
