package io.leadhouse.metaads;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.leadhouse.crypto.Secret;
import io.leadhouse.testing.Eventually;
import io.leadhouse.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetaSyncJobTest {
    private static final long NEWEST_LISTED = Instant.parse("2026-11-24T17:45:10Z").getEpochSecond();
    @TempDir
    static Path dataDir;
    static FakeGraph graph;
    static TestServer server;
    static long orgId;

    @BeforeAll
    static void start() {
        graph = FakeGraph.start();
        server = TestServer.start(dataDir, MetaTestKit.settings(graph));
        orgId = MetaTestKit.orgId(server);
        server.app().metaConnections().connectPage(orgId, MetaTestKit.PAGE_ID, "Solar Pune",
                Secret.of(MetaTestKit.PAGE_TOKEN), List.of(MetaTestKit.FORM_ID));
        graph.formPage(MetaTestKit.FORM_ID, "",
                new FakeGraph.Answer(200, MetaTestKit.resourceText("meta/form_leads_page1.json")));
        graph.formPage(MetaTestKit.FORM_ID, "QUZURVIx",
                new FakeGraph.Answer(200, MetaTestKit.resourceText("meta/form_leads_page2.json")));
    }

    @AfterAll
    static void stop() {
        server.close();
        graph.close();
    }

    @Test
    void pollImportsLeadsWhoseWebhookNeverCameAcrossAllPagesAndAdvancesTheCursor() {
        server.app().metaAds().syncJob().runOnce();

        assertEquals(List.of(1L, 1L, 1L), List.of(
                MetaTestKit.leadCount(server.app().database(), "880012345678903"),
                MetaTestKit.leadCount(server.app().database(), "880012345678901"),
                MetaTestKit.leadCount(server.app().database(), "880012345678904")));
        assertEquals(NEWEST_LISTED, formCursor());
    }

    @Test
    void pollAndWebhookOfTheSameLeadMakeOneLead() {
        server.app().metaAds().syncJob().runOnce();
        graph.leadFromResource("880012345678903", "meta/lead_full.json");
        MetaTestKit.postSigned(server, MetaTestKit.leadgenDelivery(MetaTestKit.PAGE_ID, "880012345678903"));
        long id = MetaTestKit.newestDelivery(server.app().database()).id();
        Eventually.await(Duration.ofSeconds(10), "the delivery done",
                () -> "done".equals(MetaTestKit.delivery(server.app().database(), id).state()));

        MetaSyncJob.Summary again = server.app().metaAds().syncJob().runOnce();

        assertEquals(1L, MetaTestKit.leadCount(server.app().database(), "880012345678903"));
        assertEquals(0, again.leadsCreated());
    }

    @Test
    void laterPollAsksOnlyForLeadsSinceTheCursorWithAnOverlap() {
        server.app().metaAds().syncJob().runOnce();
        server.app().metaAds().syncJob().runOnce();

        List<FakeGraph.Recorded> firstPages = graph.requestsFor(MetaTestKit.FORM_ID).stream()
                .filter(request -> !request.query().containsKey("after"))
                .toList();
        FakeGraph.Recorded latest = firstPages.get(firstPages.size() - 1);
        assertEquals("[{\"field\":\"time_created\",\"operator\":\"GREATER_THAN\",\"value\":" + (NEWEST_LISTED - 600)
                + "}]", latest.query().get("filtering"));
        assertEquals("Bearer " + MetaTestKit.PAGE_TOKEN, latest.authorization());
    }

    @Test
    void pollThatGetsGraphError190MarksThePageForReconnection() {
        String pageId = "610000000000501";
        String formId = "770011122233501";
        server.app().metaConnections().connectPage(orgId, pageId, "Expired page", Secret.of("EAAtestpagetoken0501"),
                List.of(formId));
        graph.formPage(formId, "", new FakeGraph.Answer(400, MetaTestKit.resourceText("meta/graph_error_190.json")));

        MetaSyncJob.Summary summary = server.app().metaAds().syncJob().runOnce();

        assertEquals(1, summary.formsFailed());
        assertEquals(MetaPage.NEEDS_RECONNECTION,
                server.app().metaConnections().page(orgId, pageId).orElseThrow().status());
    }

    private static long formCursor() {
        return server.app().metaConnections().formsToSync().stream()
                .filter(form -> form.formId().equals(MetaTestKit.FORM_ID))
                .findFirst().orElseThrow().syncedUntil().orElseThrow();
    }
}
