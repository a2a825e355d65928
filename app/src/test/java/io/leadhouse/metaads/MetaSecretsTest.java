package io.leadhouse.metaads;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.leadhouse.crypto.Secret;
import io.leadhouse.testing.Eventually;
import io.leadhouse.testing.LogCapture;
import io.leadhouse.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetaSecretsTest {
    private static final String PAGE_TOKEN = "EAAMARKERPAGETOKEN7f3a9c";
    private static final String APP_SECRET = "MARKERAPPSECRET51c2e8";
    private static final String VERIFY_TOKEN = "MARKERVERIFYTOKEN88d1";
    private static final List<String> MARKERS = List.of(PAGE_TOKEN, APP_SECRET, VERIFY_TOKEN);
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dataDir;

    @Test
    void noSecretReachesALogLineAResponseOrAStoredErrorThroughEveryMetaFlow() {
        List<String> bodies = new ArrayList<>();
        try (LogCapture logs = LogCapture.begin(); FakeGraph graph = FakeGraph.start();
                TestServer server = TestServer.start(dataDir, markedSettings(graph))) {
            long orgId = MetaTestKit.orgId(server);
            server.app().metaConnections().connectPage(orgId, MetaTestKit.PAGE_ID, "Marked page", Secret.of(PAGE_TOKEN),
                    List.of(MetaTestKit.FORM_ID));
            runEveryFlow(server, graph, orgId, bodies);

            assertEquals(List.of(), leaks(logs.lines()), "log lines with a secret");
            assertEquals(List.of(), leaks(bodies), "responses with a secret");
            assertEquals(List.of(), leaks(storedErrors(server, orgId)), "stored errors with a secret");
            assertEquals(false, logs.lines().isEmpty());
        }
    }

    private static void runEveryFlow(TestServer server, FakeGraph graph, long orgId, List<String> bodies) {
        bodies.add(server.get("/webhooks/meta?hub.mode=subscribe&hub.challenge=31&hub.verify_token=" + VERIFY_TOKEN,
                null).body());
        bodies.add(server.get("/webhooks/meta?hub.mode=subscribe&hub.challenge=31&hub.verify_token=wrong", null)
                .body());

        graph.leadFromResource("880012345670101", "meta/lead_full.json");
        bodies.add(postSigned(server, "880012345670101").body());
        bodies.add(MetaTestKit.post(server, MetaTestKit.leadgenDelivery(MetaTestKit.PAGE_ID, "1"),
                Optional.of("sha256=00")).body());
        awaitLead(server, orgId, "880012345670101");

        graph.lead("880012345670102", new FakeGraph.Answer(500, MetaTestKit.resourceText("meta/graph_error_500.json")),
                new FakeGraph.Answer(200, MetaTestKit.resourceText("meta/lead_full.json")));
        bodies.add(postSigned(server, "880012345670102").body());
        awaitLead(server, orgId, "880012345670102");

        graph.formPage(MetaTestKit.FORM_ID, "",
                new FakeGraph.Answer(200, MetaTestKit.resourceText("meta/form_leads_page1.json")));
        graph.formPage(MetaTestKit.FORM_ID, "QUZURVIx",
                new FakeGraph.Answer(200, MetaTestKit.resourceText("meta/form_leads_page2.json")));
        server.app().metaAds().syncJob().runOnce();

        // A Graph error that quotes the token back must not carry it any further.
        graph.lead("880012345670103", new FakeGraph.Answer(400, "{\"error\":{\"message\":\"Malformed access token "
                + PAGE_TOKEN + "\",\"type\":\"OAuthException\",\"code\":190}}"));
        bodies.add(postSigned(server, "880012345670103").body());
        Eventually.await(WAIT, "the page marked for reconnection", () -> MetaPage.NEEDS_RECONNECTION.equals(
                server.app().metaConnections().page(orgId, MetaTestKit.PAGE_ID).orElseThrow().status()));

        String token = server.ownerToken();
        bodies.add(server.get("/api/v1/leads", token).body());
        bodies.add(server.app().settings().toString());
        bodies.add(server.app().metaConnections().pages(orgId).toString());
    }

    private static HttpResponse<String> postSigned(TestServer server, String leadgenId) {
        byte[] body = MetaTestKit.leadgenDelivery(MetaTestKit.PAGE_ID, leadgenId);
        return MetaTestKit.post(server, body, Optional.of(MetaTestKit.sign(body, APP_SECRET)));
    }

    private static void awaitLead(TestServer server, long orgId, String leadgenId) {
        Eventually.await(WAIT, "lead " + leadgenId,
                () -> MetaTestKit.leadId(server.app().database(), orgId, leadgenId).isPresent());
    }

    private static List<String> storedErrors(TestServer server, long orgId) {
        List<String> stored = new ArrayList<>();
        stored.add(server.app().metaConnections().page(orgId, MetaTestKit.PAGE_ID).orElseThrow().statusDetail());
        stored.add(MetaTestKit.newestDelivery(server.app().database()).lastError());
        return stored;
    }

    private static Map<String, String> markedSettings(FakeGraph graph) {
        Map<String, String> settings = new HashMap<>(MetaTestKit.settings(graph));
        settings.put("meta.app-secret", APP_SECRET);
        settings.put("meta.verify-token", VERIFY_TOKEN);
        return settings;
    }

    private static List<String> leaks(List<String> texts) {
        return texts.stream().filter(text -> MARKERS.stream().anyMatch(text::contains)).toList();
    }
}
