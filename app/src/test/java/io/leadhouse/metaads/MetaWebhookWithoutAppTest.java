package io.leadhouse.metaads;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadhouse.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetaWebhookWithoutAppTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NO_APP = "this install has no Meta app configured; an Admin must enter the app secret"
            + " and webhook verify token in the admin console (or set meta.app-secret and meta.verify-token)";
    @TempDir
    static Path dataDir;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(dataDir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void handshakeIsForbiddenAndSaysNoAppIsConfigured() throws Exception {
        HttpResponse<String> answer = server.get(
                "/webhooks/meta?hub.mode=subscribe&hub.challenge=12&hub.verify_token=anything", null);
        assertEquals(403, answer.statusCode());
        assertEquals(NO_APP, JSON.readTree(answer.body()).get("detail").asText());
    }

    @Test
    void deliveryIsForbiddenAndNotStored() {
        byte[] body = MetaTestKit.leadgenDelivery(MetaTestKit.PAGE_ID, "880012345670010");
        HttpResponse<String> answer = MetaTestKit.post(server, body,
                Optional.of(MetaTestKit.sign(body, MetaTestKit.APP_SECRET)));
        assertEquals(403, answer.statusCode());
        assertEquals(0, MetaTestKit.deliveryCount(server.app().database()));
    }
}
