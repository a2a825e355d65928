package io.leadhouse.metaads;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetaWebhookRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LIMIT = 4096;
    @TempDir
    static Path dataDir;
    static FakeGraph graph;
    static TestServer server;

    @BeforeAll
    static void start() {
        graph = FakeGraph.start();
        Map<String, String> settings = new java.util.HashMap<>(MetaTestKit.settings(graph));
        settings.put("meta.max-body-bytes", Integer.toString(LIMIT));
        server = TestServer.start(dataDir, settings);
    }

    @AfterAll
    static void stop() {
        server.close();
        graph.close();
    }

    @Test
    void handshakeEchoesTheChallengeAsPlainText() {
        HttpResponse<String> answer = server.get("/webhooks/meta?hub.mode=subscribe&hub.challenge=1158201444"
                + "&hub.verify_token=" + MetaTestKit.VERIFY_TOKEN, null);
        assertEquals(200, answer.statusCode());
        assertEquals("1158201444", answer.body());
        assertEquals("text/plain", answer.headers().firstValue("Content-Type").orElse("").split(";")[0]);
    }

    @Test
    void handshakeWithWrongVerifyTokenIsForbiddenAndDoesNotEchoTheChallenge() throws Exception {
        HttpResponse<String> answer = server.get(
                "/webhooks/meta?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=guess", null);
        assertEquals(403, answer.statusCode());
        assertEquals("/problems/forbidden", JSON.readTree(answer.body()).get("type").asText());
        assertEquals(false, answer.body().contains("1158201444"));
    }

    @Test
    void handshakeWithAnotherModeIsForbidden() {
        HttpResponse<String> answer = server.get("/webhooks/meta?hub.mode=unsubscribe&hub.challenge=7"
                + "&hub.verify_token=" + MetaTestKit.VERIFY_TOKEN, null);
        assertEquals(403, answer.statusCode());
    }

    @Test
    void signedDeliveryIsStoredAndAcknowledged() {
        long before = MetaTestKit.deliveryCount(server.app().database());
        HttpResponse<String> answer = MetaTestKit.postSigned(server,
                MetaTestKit.leadgenDelivery("610000000000999", "880012345670001"));
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(before + 1, MetaTestKit.deliveryCount(server.app().database()));
    }

    @Test
    void deliveryWithWrongSignatureIsUnauthorizedAndNotStored() {
        byte[] body = MetaTestKit.leadgenDelivery(MetaTestKit.PAGE_ID, "880012345670002");
        assertRefusedAndNotStored(401, body, Optional.of(MetaTestKit.sign(body, "another-app-secret")));
    }

    @Test
    void deliveryWithoutSignatureIsUnauthorizedAndNotStored() {
        assertRefusedAndNotStored(401, MetaTestKit.leadgenDelivery(MetaTestKit.PAGE_ID, "880012345670003"),
                Optional.empty());
    }

    @Test
    void signatureOverReserializedJsonDoesNotMatchTheBytesSent() throws Exception {
        byte[] sent = MetaTestKit.resource("meta/webhook_batch.json");
        byte[] reserialized = JSON.writeValueAsBytes(JSON.readTree(sent));
        assertRefusedAndNotStored(401, sent, Optional.of(MetaTestKit.sign(reserialized, MetaTestKit.APP_SECRET)));
    }

    @Test
    void signatureOfAnotherBodyIsUnauthorized() {
        byte[] signed = MetaTestKit.leadgenDelivery(MetaTestKit.PAGE_ID, "880012345670004");
        byte[] tampered = MetaTestKit.leadgenDelivery(MetaTestKit.PAGE_ID, "880012345670005");
        assertRefusedAndNotStored(401, tampered, Optional.of(MetaTestKit.sign(signed, MetaTestKit.APP_SECRET)));
    }

    @Test
    void emptyBodyIsBadRequestAndNotStored() {
        byte[] empty = new byte[0];
        assertRefusedAndNotStored(400, empty, Optional.of(MetaTestKit.sign(empty, MetaTestKit.APP_SECRET)));
    }

    @Test
    void malformedJsonIsBadRequestAndNotStored() {
        byte[] body = "{\"object\":\"page\",\"entry\":[".getBytes(StandardCharsets.UTF_8);
        assertRefusedAndNotStored(400, body, Optional.of(MetaTestKit.sign(body, MetaTestKit.APP_SECRET)));
    }

    @Test
    void jsonThatIsNotAnObjectIsBadRequestAndNotStored() {
        byte[] body = "[{\"object\":\"page\"}]".getBytes(StandardCharsets.UTF_8);
        assertRefusedAndNotStored(400, body, Optional.of(MetaTestKit.sign(body, MetaTestKit.APP_SECRET)));
    }

    @Test
    void bodyOverTheLimitIsPayloadTooLargeAndNotStored() {
        byte[] body = hugeDelivery();
        assertRefusedAndNotStored(413, body, Optional.of(MetaTestKit.sign(body, MetaTestKit.APP_SECRET)));
    }

    @Test
    void streamedBodyOverTheLimitWithoutLengthIsPayloadTooLargeAndNotStored() {
        byte[] body = hugeDelivery();
        long before = MetaTestKit.deliveryCount(server.app().database());
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + "/webhooks/meta"))
                .header("X-Hub-Signature-256", MetaTestKit.sign(body, MetaTestKit.APP_SECRET))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        HttpResponse<String> answer = server.send(request);
        assertEquals(413, answer.statusCode(), answer.body());
        assertEquals(before, MetaTestKit.deliveryCount(server.app().database()));
    }

    @Test
    void unsignedDeliveryProblemIsTitledUnauthorizedNotAboutSigningIn() throws Exception {
        HttpResponse<String> answer = MetaTestKit.post(server,
                MetaTestKit.leadgenDelivery(MetaTestKit.PAGE_ID, "880012345670006"), Optional.empty());

        assertEquals(401, answer.statusCode(), answer.body());
        assertEquals("Unauthorized", JSON.readTree(answer.body()).get("title").asText());
    }

    @Test
    void emptyDeliveryIsLoggedAsOneWarning() {
        byte[] empty = new byte[0];
        try (LogCapture logs = LogCapture.begin()) {
            MetaTestKit.post(server, empty, Optional.of(MetaTestKit.sign(empty, MetaTestKit.APP_SECRET)));

            assertEquals(List.of("Meta delivery refused: the body is empty"), webhookWarnings(logs));
        }
    }

    @Test
    void deliveryThatIsNotJsonIsLoggedAsOneWarningWithItsSizeOnly() {
        byte[] body = "not json marker-text".getBytes(StandardCharsets.UTF_8);
        try (LogCapture logs = LogCapture.begin()) {
            MetaTestKit.post(server, body, Optional.of(MetaTestKit.sign(body, MetaTestKit.APP_SECRET)));

            assertEquals(List.of("Meta delivery of 20 bytes refused: not a JSON object"), webhookWarnings(logs));
        }
    }

    @Test
    void deliveryOverTheLimitIsLoggedAsOneWarningWithItsSize() {
        byte[] body = hugeDelivery();
        try (LogCapture logs = LogCapture.begin()) {
            MetaTestKit.post(server, body, Optional.of(MetaTestKit.sign(body, MetaTestKit.APP_SECRET)));

            assertEquals(List.of("Meta delivery refused: Content-Length " + body.length
                    + " is over meta.max-body-bytes (" + LIMIT + ")"), webhookWarnings(logs));
        }
    }

    @Test
    void streamedDeliveryOverTheLimitIsLoggedAsOneWarning() {
        byte[] body = hugeDelivery();
        try (LogCapture logs = LogCapture.begin()) {
            server.send(HttpRequest.newBuilder(URI.create(server.url() + "/webhooks/meta"))
                    .header("X-Hub-Signature-256", MetaTestKit.sign(body, MetaTestKit.APP_SECRET))
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                    .build());

            assertEquals(List.of("Meta delivery refused: more than " + LIMIT + " bytes (meta.max-body-bytes)"),
                    webhookWarnings(logs));
        }
    }

    @Test
    void deliveryEndingBeforeItsContentLengthIsBadRequestWithoutError() {
        byte[] part = "{\"object\":\"pa".getBytes(StandardCharsets.UTF_8);
        long before = MetaTestKit.deliveryCount(server.app().database());
        try (LogCapture logs = LogCapture.begin()) {
            String status = RawHttp.statusLine(server.url(), "POST /webhooks/meta HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 100", part);

            assertEquals("HTTP/1.1 400 Bad Request", status);
            assertEquals(List.of(), logs.linesAt("ERROR"));
            assertEquals(List.of("Meta delivery refused: the body ended before its Content-Length of 100 bytes"),
                    webhookWarnings(logs));
        }
        assertEquals(before, MetaTestKit.deliveryCount(server.app().database()));
    }

    private static List<String> webhookWarnings(LogCapture logs) {
        String logger = MetaWebhookRoutes.class.getName() + " ";
        return logs.linesAt("WARN").stream()
                .filter(line -> line.startsWith(logger))
                .map(line -> line.substring(logger.length()).replaceAll(" (requestId|orgId)=\\S*", ""))
                .toList();
    }

    private static byte[] hugeDelivery() {
        byte[] padding = new byte[LIMIT * 4];
        Arrays.fill(padding, (byte) 'x');
        return ("{\"object\":\"page\",\"padding\":\"" + new String(padding, StandardCharsets.US_ASCII) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void assertRefusedAndNotStored(int status, byte[] body, Optional<String> signature) {
        long before = MetaTestKit.deliveryCount(server.app().database());
        HttpResponse<String> answer = MetaTestKit.post(server, body, signature);
        assertEquals(status, answer.statusCode(), answer.body());
        assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""));
        assertEquals(before, MetaTestKit.deliveryCount(server.app().database()));
    }
}
