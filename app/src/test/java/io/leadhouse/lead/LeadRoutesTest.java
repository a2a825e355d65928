package io.leadhouse.lead;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadhouse.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeadRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
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
    void createsManualLeadWithNormalizedPhoneAndShowsItFirst() throws Exception {
        HttpResponse<String> created = server.postJson(
                "/api/v1/leads", "{\"name\":\"Asha Rao\",\"phone\":\"098765 43210\",\"city\":\"Pune\"}", token);
        assertEquals(201, created.statusCode(), created.body());
        JsonNode lead = JSON.readTree(created.body());
        assertEquals("+919876543210", lead.get("phone").asText());
        assertEquals("098765 43210", lead.get("phoneRaw").asText());

        JsonNode list = JSON.readTree(server.get("/api/v1/leads", token).body());
        assertEquals(lead.get("id").asLong(), list.get("items").get(0).get("id").asLong());

        JsonNode detail = JSON.readTree(server.get("/api/v1/leads/" + lead.get("id").asLong(), token).body());
        assertEquals("created", detail.get("timeline").get(0).get("kind").asText());
    }

    @Test
    void refusesLeadWithoutNameEmailOrPhoneAsProblem() throws Exception {
        HttpResponse<String> refused = server.postJson("/api/v1/leads", "{\"city\":\"Pune\"}", token);
        assertEquals(400, refused.statusCode());
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("/problems/invalid-input", JSON.readTree(refused.body()).get("type").asText());
    }

    @Test
    void answersUnauthorizedWithoutToken() throws Exception {
        HttpResponse<String> refused = server.get("/api/v1/leads", null);
        assertEquals(401, refused.statusCode());
        assertEquals("/problems/unauthorized", JSON.readTree(refused.body()).get("type").asText());
    }

    @Test
    void answersNotFoundForUnknownLead() {
        assertEquals(404, server.get("/api/v1/leads/999999", token).statusCode());
        assertEquals(404, server.get("/api/v1/leads/abc", token).statusCode());
    }

    @Test
    void answersBadRequestForMalformedJsonBody() throws Exception {
        HttpResponse<String> refused = server.postJson("/api/v1/leads", "{\"name\": ", token);

        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("/api/v1/leads", JSON.readTree(refused.body()).get("instance").asText());
    }

    @Test
    void pageBeyondTheLastAllowedIsBadRequestWithTheRange() throws Exception {
        HttpResponse<String> refused = server.get("/api/v1/leads?page=2147483647", token);

        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("page is 2147483647; use a page from 0 to 1000000",
                JSON.readTree(refused.body()).get("detail").asText());
    }

    @Test
    void pageTooLargeForAnIntegerIsBadRequestWithTheRange() throws Exception {
        HttpResponse<String> refused = server.get("/api/v1/leads?page=99999999999", token);

        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("page is 99999999999; use a page from 0 to 1000000",
                JSON.readTree(refused.body()).get("detail").asText());
    }

    @Test
    void sizeOutOfRangeIsBadRequestWithTheRange() throws Exception {
        HttpResponse<String> refused = server.get("/api/v1/leads?size=201", token);

        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("size is 201; use a size from 1 to 200", JSON.readTree(refused.body()).get("detail").asText());
    }

    @Test
    void pageThatIsNotAWholeNumberIsBadRequest() throws Exception {
        HttpResponse<String> refused = server.get("/api/v1/leads?page=two", token);

        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("page is 'two'; use a whole number from 0 to 1000000",
                JSON.readTree(refused.body()).get("detail").asText());
    }

    @Test
    void refusesEmailThatIsNotAnAddress() throws Exception {
        HttpResponse<String> refused = server.postJson(
                "/api/v1/leads", "{\"name\":\"Asha\",\"email\":\"not-an-email\"}", token);

        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("'email' is 'not-an-email', which is not an email address; use name@example.com or leave it"
                + " out", JSON.readTree(refused.body()).get("detail").asText());
    }

    @Test
    void refusesControlCharacterInName() throws Exception {
        HttpResponse<String> refused = server.postJson("/api/v1/leads", "{\"name\":\"As\\u0000ha\"}", token);

        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("'name' contains the control character U+0000 at position 3; send one line of plain text",
                JSON.readTree(refused.body()).get("detail").asText());
    }

    @Test
    void refusesLineBreakInCompany() throws Exception {
        HttpResponse<String> refused = server.postJson(
                "/api/v1/leads", "{\"name\":\"Asha\",\"company\":\"Acme\\nLtd\"}", token);

        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("'company' contains the control character U+000A at position 5; send one line of plain text",
                JSON.readTree(refused.body()).get("detail").asText());
    }

    @Test
    void refusesLoneSurrogateInCity() throws Exception {
        HttpResponse<String> refused = server.postJson(
                "/api/v1/leads", "{\"name\":\"Asha\",\"city\":\"Pu\\ud800ne\"}", token);

        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("'city' contains a lone UTF-16 surrogate U+D800 at position 3; send valid Unicode text",
                JSON.readTree(refused.body()).get("detail").asText());
    }

    @Test
    void acceptsEmojiAndIndicScriptInName() throws Exception {
        HttpResponse<String> created = server.postJson(
                "/api/v1/leads", "{\"name\":\"\u0906\u0936\u093e \uD83D\uDE00\"}", token);

        assertEquals(201, created.statusCode(), created.body());
        assertEquals("\u0906\u0936\u093e \uD83D\uDE00", JSON.readTree(created.body()).get("name").asText());
    }

    @Test
    void keepsInvalidPhoneAsTypedWithoutE164Form() throws Exception {
        HttpResponse<String> created = server.postJson(
                "/api/v1/leads", "{\"name\":\"Asha\",\"phone\":\"98100150 0000\"}", token);

        assertEquals(201, created.statusCode(), created.body());
        JsonNode lead = JSON.readTree(created.body());
        assertEquals("98100150 0000", lead.get("phoneRaw").asText());
        assertEquals("", lead.get("phone").asText());
    }
}
