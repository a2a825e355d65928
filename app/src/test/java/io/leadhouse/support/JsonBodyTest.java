package io.leadhouse.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadhouse.testing.LogCapture;
import io.leadhouse.testing.RawHttp;
import io.leadhouse.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JSON bodies of the API routes, read by {@link JsonBody}, as a client sees them. */
class JsonBodyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LEADS = "/api/v1/leads";
    private static final String LOGIN = "/api/v1/auth/login";
    private static final int LIMIT = 64 * 1024;
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
    void emptyLeadBodyDeclaredAsJsonIsBadRequest() throws Exception {
        HttpResponse<String> refused = post(LEADS, "application/json", HttpRequest.BodyPublishers.noBody());

        assertProblem(400, "/problems/invalid-input", refused);
        assertEquals("the body is empty; send a JSON object with Content-Type: application/json",
                detail(refused));
    }

    @Test
    void emptySignInBodyDeclaredAsJsonIsBadRequest() throws Exception {
        HttpResponse<String> refused = post(LOGIN, "application/json", HttpRequest.BodyPublishers.noBody());

        assertProblem(400, "/problems/invalid-input", refused);
    }

    @Test
    void bodyWithoutContentTypeIsUnsupportedMediaType() throws Exception {
        HttpResponse<String> refused = post(LEADS, null, text("{\"name\":\"Asha\"}"));

        assertProblem(415, "/problems/unsupported-media-type", refused);
        assertEquals("the request has no Content-Type; send the body as JSON with Content-Type: application/json",
                detail(refused));
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/xml"})
    void signInBodyOfAnotherMediaTypeIsUnsupportedMediaType(String contentType) throws Exception {
        HttpResponse<String> refused = post(LOGIN, contentType, text("email=a@example.test&password=x"));

        assertProblem(415, "/problems/unsupported-media-type", refused);
        assertEquals("Content-Type " + contentType + " is not JSON; send the body as JSON with Content-Type:"
                + " application/json", detail(refused));
    }

    @Test
    void jsonBodyInAnotherCharsetIsUnsupportedMediaType() throws Exception {
        HttpResponse<String> refused = post(LEADS, "application/json; charset=ISO-8859-1", text("{\"name\":\"Asha\"}"));

        assertProblem(415, "/problems/unsupported-media-type", refused);
        assertEquals("Content-Type charset ISO-8859-1 is not UTF-8; send JSON as UTF-8", detail(refused));
    }

    @Test
    void bodyOfAJsonSuffixMediaTypeIsAccepted() {
        HttpResponse<String> created = post(LEADS, "application/vnd.api+json", text("{\"name\":\"Asha Suffix\"}"));

        assertEquals(201, created.statusCode(), created.body());
    }

    @Test
    void malformedJsonGivesItsLineAndColumnButNoClassName() throws Exception {
        HttpResponse<String> refused = post(LEADS, "application/json", text("{\n  \"name\": Asha\n}"));

        assertProblem(400, "/problems/invalid-input", refused);
        assertEquals("the body is not valid JSON (line 2, column 11); send one JSON object and nothing after it",
                detail(refused));
    }

    @Test
    void malformedSignInBodyDoesNotEchoThePassword() throws Exception {
        HttpResponse<String> refused = post(LOGIN, "application/json",
                text("{\"email\":\"owner@example.test\",\"password\": hunter2marker}"));

        assertProblem(400, "/problems/invalid-input", refused);
        assertEquals(-1, refused.body().indexOf("hunter2marker"), refused.body());
    }

    @Test
    void textAfterTheJsonObjectIsBadRequest() throws Exception {
        HttpResponse<String> refused = post(LEADS, "application/json", text("{\"name\":\"Trailing\"} xyz"));

        assertProblem(400, "/problems/invalid-input", refused);
        assertEquals("the body is not valid JSON (line 1, column 21); send one JSON object and nothing after it",
                detail(refused));
    }

    @Test
    void jsonThatIsNotAnObjectIsBadRequest() throws Exception {
        HttpResponse<String> refused = post(LEADS, "application/json", text("[{\"name\":\"Asha\"}]"));

        assertProblem(400, "/problems/invalid-input", refused);
        assertEquals("the body is a JSON array; send a JSON object such as {\"field\": \"value\"}", detail(refused));
    }

    @Test
    void leadBodyOverTheLimitIsPayloadTooLarge() throws Exception {
        HttpResponse<String> refused = post(LEADS, "application/json", text(bodyOf(LIMIT + 1)));

        assertProblem(413, "/problems/payload-too-large", refused);
        assertEquals("the body is larger than 65536 bytes; send at most 64 KiB", detail(refused));
    }

    @Test
    void streamedSignInBodyOverTheLimitIsPayloadTooLarge() throws Exception {
        byte[] body = bodyOf(LIMIT * 2).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> refused = post(LOGIN, "application/json",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

        assertProblem(413, "/problems/payload-too-large", refused);
    }

    @Test
    void bodyEndingBeforeItsContentLengthIsBadRequestAndNoError() {
        try (LogCapture logs = LogCapture.begin()) {
            String status = RawHttp.statusLine(server.url(), "POST " + LEADS + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + token + "\r\nContent-Type: application/json\r\nContent-Length: 100",
                    "{\"name\":\"As".getBytes(StandardCharsets.UTF_8));

            assertEquals("HTTP/1.1 400 Bad Request", status);
            assertEquals(List.of(), logs.linesAt("ERROR"));
        }
    }

    private static String bodyOf(int bytes) {
        String start = "{\"name\":\"";
        return start + "x".repeat(bytes - start.length() - 2) + "\"}";
    }

    private static HttpRequest.BodyPublisher text(String body) {
        return HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> post(String path, String contentType, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path))
                .header("Authorization", "Bearer " + token)
                .POST(body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return server.send(request.build());
    }

    private static void assertProblem(int status, String type, HttpResponse<String> answer) throws Exception {
        assertEquals(status, answer.statusCode(), answer.body());
        assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(type, JSON.readTree(answer.body()).get("type").asText());
    }

    private static String detail(HttpResponse<String> answer) throws Exception {
        JsonNode problem = JSON.readTree(answer.body());
        return problem.get("detail").asText();
    }
}
