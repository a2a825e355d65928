package io.leadhouse.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadhouse.crypto.Secret;
import io.leadhouse.testing.Eventually;
import io.leadhouse.testing.TestServer;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);
    @TempDir
    static Path dataDir;
    static TestServer server;
    static String token;

    @BeforeAll
    static void start() {
        server = TestServer.start(dataDir);
        token = server.ownerToken();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void findsNewLeadWithinOneSecondWithItsFields() throws Exception {
        HttpResponse<String> created = server.postJson("/api/v1/leads", "{\"name\":\"Farhan Qureshi\","
                + "\"email\":\"farhan@lotus-tiles.in\",\"phone\":\"99887 76655\",\"company\":\"Lotus Tiles\","
                + "\"city\":\"Nagpur\"}", token);
        JsonNode lead = JSON.readTree(created.body());
        long id = lead.get("id").asLong();

        Eventually.await(ONE_SECOND, "lead " + id + " to be found", () -> ids("Farhan", token).contains(id));

        JsonNode body = searchOk("Farhan", token);
        assertEquals("Farhan", body.get("query").asText());
        JsonNode hit = body.get("items").get(0);
        assertEquals("lead", hit.get("type").asText());
        assertEquals(id, hit.get("id").asLong());
        assertEquals("Farhan Qureshi", hit.get("name").asText());
        assertEquals("farhan@lotus-tiles.in", hit.get("email").asText());
        assertEquals("+919988776655", hit.get("phone").asText());
        assertEquals("Lotus Tiles", hit.get("company").asText());
        assertEquals("Nagpur", hit.get("city").asText());
        assertEquals("/leads/" + id, hit.get("url").asText());
        assertEquals(lead.get("createdAt").asText(), hit.get("createdAt").asText());
    }

    @Test
    void findsPhoneHoweverItIsTyped() throws Exception {
        long id = createFindable("{\"name\":\"Meera Iyer\",\"phone\":\"98765 43210\"}", "Meera");

        for (String typed : List.of("+91 98765 43210", "098765-43210", "9876543210", "76543210", "98765 43210",
                "+919876543210", "0091 98765 43210")) {
            assertEquals(List.of(id), ids(typed, token), typed);
        }
    }

    @Test
    void findsNameByPrefixAndWithOneTypo() throws Exception {
        long id = createFindable("{\"name\":\"Asha Rao\",\"city\":\"Pune\"}", "Asha");

        for (String typed : List.of("Ash", "asha rao", "Ahsa", "Asah", "Asha Rap", "ASHA", "as ra")) {
            assertEquals(List.of(id), ids(typed, token), typed);
        }
    }

    @Test
    void ranksExactNameAboveNewerLeadWhoseNameStartsWithIt() throws Exception {
        long exact = createFindable("{\"name\":\"Anil Kapoor\"}", "Anil");
        long longer = createFindable("{\"name\":\"Anila Kapoor\"}", "Anila");

        assertEquals(List.of(exact, longer), ids("anil", token));
    }

    @Test
    void findsEmailWholeAndByDomain() throws Exception {
        long id = createFindable("{\"name\":\"Kiran Desai\",\"email\":\"Kiran.Desai@Sunrise-Exports.co.in\"}", "Kiran");

        for (String typed : List.of("kiran.desai@sunrise-exports.co.in", "sunrise-exports.co.in",
                "@sunrise-exports.co.in", "kiran.desai@sun")) {
            assertEquals(List.of(id), ids(typed, token), typed);
        }
    }

    @Test
    void findsCompanyCityAndAnswersAsText() throws Exception {
        long id = createFindable("{\"name\":\"Pallavi Menon\",\"company\":\"Bluewater Logistics\","
                + "\"city\":\"Kochi\"}", "Pallavi");

        for (String typed : List.of("bluewater", "Kochi", "pallavi kochi", "Logist")) {
            assertEquals(List.of(id), ids(typed, token), typed);
        }
    }

    @Test
    void neverReturnsAnotherOrganizationsLead() throws Exception {
        server.app().accounts().createOrganization("Globex", "owner@globex.test", "", Secret.of("globex password 1"));
        String globexToken = server.app().accounts().signIn("owner@globex.test", Secret.of("globex password 1"))
                .token().reveal();
        long id = createLead("{\"name\":\"Zubin Mistry\",\"phone\":\"91234 56789\"}", globexToken);
        Eventually.await(ONE_SECOND, "lead " + id + " to be found", () -> ids("Zubin", globexToken).contains(id));

        assertEquals(List.of(), ids("Zubin", token));
        assertEquals(List.of(), ids("91234 56789", token));
        assertEquals(List.of(id), ids("Zubin", globexToken));
    }

    @Test
    void treatsLuceneSyntaxAsPlainText() {
        for (String typed : List.of("foo:(", "\"", "*?", "Asha AND (", "[1 TO", "~2", "\\", "a/b", "+-!", "name:*",
                "{}^", "&&||", "%")) {
            assertEquals(200, search(typed, token).statusCode(), typed);
        }
    }

    @Test
    void refusesEmptyQueryAsProblem() throws Exception {
        for (String path : List.of("/api/v1/search", "/api/v1/search?q=", "/api/v1/search?q=%20%20")) {
            HttpResponse<String> refused = server.get(path, token);
            assertEquals(400, refused.statusCode(), path);
            assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("/problems/invalid-input", JSON.readTree(refused.body()).get("type").asText());
        }
    }

    @Test
    void refusesLimitOutsideOneToHundred() {
        for (String limit : List.of("0", "101", "ten", "-1")) {
            assertEquals(400, server.get("/api/v1/search?q=asha&limit=" + limit, token).statusCode(), limit);
        }
    }

    @Test
    void answersUnauthorizedWithoutSignIn() {
        assertEquals(401, server.get("/api/v1/search?q=asha", null).statusCode());
    }

    private static long createFindable(String json, String name) throws Exception {
        long id = createLead(json, token);
        Eventually.await(ONE_SECOND, "lead " + id + " to be found", () -> ids(name, token).contains(id));
        return id;
    }

    private static long createLead(String json, String bearer) throws Exception {
        HttpResponse<String> created = server.postJson("/api/v1/leads", json, bearer);
        assertEquals(201, created.statusCode(), created.body());
        return JSON.readTree(created.body()).get("id").asLong();
    }

    private static List<Long> ids(String typed, String bearer) {
        List<Long> ids = new ArrayList<>();
        searchOk(typed, bearer).get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    private static JsonNode searchOk(String typed, String bearer) {
        HttpResponse<String> response = search(typed, bearer);
        assertEquals(200, response.statusCode(), response.body());
        try {
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new AssertionError("search answered malformed JSON: " + response.body(), e);
        }
    }

    private static HttpResponse<String> search(String typed, String bearer) {
        return server.get("/api/v1/search?q=" + URLEncoder.encode(typed, StandardCharsets.UTF_8), bearer);
    }
}
