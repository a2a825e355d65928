package io.leadhouse.metaads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.leadhouse.crypto.Secret;
import io.leadhouse.lead.Lead;
import io.leadhouse.testing.Eventually;
import io.leadhouse.testing.LogCapture;
import io.leadhouse.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetaInboxTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    @TempDir
    static Path dataDir;
    static FakeGraph graph;
    static TestServer server;
    static long orgId;
    static String token;

    @BeforeAll
    static void start() {
        graph = FakeGraph.start();
        server = TestServer.start(dataDir, MetaTestKit.settings(graph));
        orgId = MetaTestKit.orgId(server);
        token = server.ownerToken();
        connect(MetaTestKit.PAGE_ID, MetaTestKit.PAGE_TOKEN);
    }

    @AfterAll
    static void stop() {
        server.close();
        graph.close();
    }

    @Test
    void leadFromSignedWebhookIsListedWithinOneSecond() throws Exception {
        String leadgenId = "880012345678901";
        graph.leadFromResource(leadgenId, "meta/lead_full.json");
        assertEquals(200, MetaTestKit.postSigned(server,
                MetaTestKit.leadgenDelivery(MetaTestKit.PAGE_ID, leadgenId)).statusCode());

        Eventually.await(Duration.ofSeconds(1), "the lead in GET /api/v1/leads",
                () -> server.get("/api/v1/leads", token).body().contains("Meera Kulkarni"));
    }

    @Test
    void leadKeepsStandardFieldsAnswersAndSource() {
        String leadgenId = "880012345678921";
        graph.leadFromResource(leadgenId, "meta/lead_full.json");
        MetaTestKit.postSigned(server, MetaTestKit.leadgenDelivery(MetaTestKit.PAGE_ID, leadgenId));

        Lead lead = awaitLead(leadgenId);
        assertEquals(List.of("Meera Kulkarni", "meera.kulkarni@example.in", "+919812345678", "+919812345678", "Pune",
                "Kulkarni Textiles"), List.of(lead.name(), lead.email(), lead.phone(), lead.phoneRaw(), lead.city(),
                lead.company()));
        assertEquals(new Lead.Answer("which_services_interest_you?", "Rooftop solar, Battery storage"),
                lead.answers().get(5));
        assertEquals(7, lead.answers().size());
        assertEquals("meta", lead.source().kind());
        assertEquals(Map.of("leadgenId", leadgenId, "pageId", MetaTestKit.PAGE_ID, "formId", MetaTestKit.FORM_ID,
                "adId", "120200000000000101", "adName", "Winter offer - carousel", "adsetId", "120200000000000201",
                "adsetName", "Pune 25-45", "campaignId", "120200000000000301", "campaignName", "Winter leads 2026",
                "createdTime", "2026-11-20T10:15:30Z"), withoutPlatform(lead.source().detail()));
    }

    @Test
    void oddLeadWithoutEmailGetsE164PhoneFromDefaultRegionAndKeepsEmojiAnswers() {
        String leadgenId = "880012345678902";
        graph.leadFromResource(leadgenId, "meta/lead_odd.json");
        MetaTestKit.postSigned(server, MetaTestKit.leadgenDelivery(MetaTestKit.PAGE_ID, leadgenId));

        Lead lead = awaitLead(leadgenId);
        assertEquals(List.of("Ravi Shankar", "", "+919876543210", "98765 43210"),
                List.of(lead.name(), lead.email(), lead.phone(), lead.phoneRaw()));
        assertEquals(List.of(new Lead.Answer("first_name", "Ravi"), new Lead.Answer("last_name", "Shankar"),
                new Lead.Answer("phone_number", "98765 43210"),
                new Lead.Answer("आपका_बजट_क्या_है?", "₹50,000 से कम"),
                new Lead.Answer("how_did_you_hear_about_us_\uD83D\uDCE3", "A friend \uD83D\uDC4D told me \uD83D\uDE80"),
                new Lead.Answer("anything_else?", "")), lead.answers());
    }

    @Test
    void batchWithRepeatedChangeMakesOneLeadPerLeadgenId() {
        List<String> leadgenIds = List.of("880012345678911", "880012345678912", "880012345678913");
        for (String leadgenId : leadgenIds) {
            graph.leadFromResource(leadgenId, "meta/lead_full.json");
        }
        byte[] batch = MetaTestKit.resource("meta/webhook_batch.json");

        for (int delivery = 0; delivery < 2; delivery++) {
            assertEquals(200, MetaTestKit.postSigned(server, batch).statusCode());
            long id = MetaTestKit.newestDelivery(server.app().database()).id();
            Eventually.await(WAIT, "delivery " + id + " done",
                    () -> "done".equals(MetaTestKit.delivery(server.app().database(), id).state()));
        }

        assertEquals(List.of(1L, 1L, 1L), leadgenIds.stream()
                .map(leadgenId -> MetaTestKit.leadCount(server.app().database(), leadgenId)).toList());
        assertEquals(List.of(1, 1, 1), leadgenIds.stream()
                .map(leadgenId -> graph.requestsFor(leadgenId).size()).toList(),
                "a lead already stored is not fetched from Graph again");
    }

    @Test
    void batchOfHundredsOfChangesIsAcknowledgedBeforeAnyLeadIsFetched() {
        int changes = 300;
        StringBuilder body = new StringBuilder("{\"object\":\"page\",\"entry\":[{\"id\":\"")
                .append(MetaTestKit.PAGE_ID).append("\",\"time\":1795000000,\"changes\":[");
        FakeGraph.Answer lead = new FakeGraph.Answer(200, MetaTestKit.resourceText("meta/lead_full.json"));
        for (int i = 0; i < changes; i++) {
            String leadgenId = Long.toString(881000000000000L + i);
            // Graph hangs on the first lead: the acknowledgement must not wait for it.
            if (i == 0) {
                graph.lead(leadgenId, FakeGraph.Answer.HANG, lead);
            } else {
                graph.lead(leadgenId, lead);
            }
            body.append(i == 0 ? "" : ",").append("{\"field\":\"leadgen\",\"value\":{\"leadgen_id\":\"")
                    .append(leadgenId).append("\",\"page_id\":\"").append(MetaTestKit.PAGE_ID)
                    .append("\",\"form_id\":\"").append(MetaTestKit.FORM_ID).append("\"}}");
        }
        body.append("]}]}");

        assertEquals(200, MetaTestKit.postSigned(server, body.toString().getBytes(StandardCharsets.UTF_8))
                .statusCode());
        assertEquals(0, MetaTestKit.leadCountLike(server.app().database(), "meta:881%"),
                "the acknowledgement came while Graph was still busy with the first lead");
        graph.release();

        Eventually.await(Duration.ofSeconds(60), "all " + changes + " leads of the batch", () -> changes
                == MetaTestKit.leadCountLike(server.app().database(), "meta:881%"));
    }

    @Test
    void numericIdsAboveTwoToTheFiftyThirdAreKeptExactly() {
        String leadgenId = "9007199254740993";
        graph.leadFromResource(leadgenId, "meta/lead_full.json");
        MetaTestKit.postSigned(server, MetaTestKit.resource("meta/webhook_numeric_ids.json"));

        Lead lead = awaitLead(leadgenId);
        assertEquals(leadgenId, lead.source().detail().get("leadgenId"));
        assertEquals(1, graph.requestsFor(leadgenId).size());
    }

    @Test
    void pageTokenGoesInTheAuthorizationHeaderAndNeverInTheUrl() {
        String leadgenId = "880012345678931";
        graph.leadFromResource(leadgenId, "meta/lead_full.json");
        MetaTestKit.postSigned(server, MetaTestKit.leadgenDelivery(MetaTestKit.PAGE_ID, leadgenId));
        awaitLead(leadgenId);

        FakeGraph.Recorded request = graph.requestsFor(leadgenId).get(0);
        assertEquals("Bearer " + MetaTestKit.PAGE_TOKEN, request.authorization());
        assertEquals(false, request.rawQuery().contains(MetaTestKit.PAGE_TOKEN));
        assertEquals(Signatures.appSecretProof(Secret.of(MetaTestKit.PAGE_TOKEN), Secret.of(MetaTestKit.APP_SECRET)),
                request.query().get("appsecret_proof"));
        assertEquals(GraphClient.LEAD_FIELDS, request.query().get("fields"));
    }

    @Test
    void deliveryAboutAnotherObjectIsRecordedDoneWithoutGraphCalls() {
        byte[] body = ("{\"object\":\"user\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"leadgen\","
                + "\"value\":{\"leadgen_id\":\"5\",\"page_id\":\"1\"}}]}]}").getBytes(StandardCharsets.UTF_8);
        assertEquals(200, MetaTestKit.postSigned(server, body).statusCode());
        long id = MetaTestKit.newestDelivery(server.app().database()).id();

        Eventually.await(WAIT, "the delivery done",
                () -> "done".equals(MetaTestKit.delivery(server.app().database(), id).state()));
        assertEquals(List.of(), graph.requestsFor("5"));
    }

    @Test
    void deliveryForUnconnectedPageWaitsAndIsImportedWhenThePageIsConnected() {
        String pageId = "610000000000301";
        String leadgenId = "880012345678941";
        graph.leadFromResource(leadgenId, "meta/lead_full.json");
        MetaTestKit.postSigned(server, MetaTestKit.leadgenDelivery(pageId, leadgenId));
        long id = MetaTestKit.newestDelivery(server.app().database()).id();
        Eventually.await(WAIT, "the delivery parked as unrouted",
                () -> "unrouted".equals(MetaTestKit.delivery(server.app().database(), id).state()));

        connect(pageId, "EAAtestpagetoken0301");

        awaitLead(leadgenId);
        Eventually.await(WAIT, "the delivery done",
                () -> "done".equals(MetaTestKit.delivery(server.app().database(), id).state()));
    }

    @Test
    void bigDeliveryForUnconnectedPageLogsOneWarningNotOnePerChange() {
        String pageId = "610000000000302";
        StringBuilder body = new StringBuilder("{\"object\":\"page\",\"entry\":[{\"id\":\"" + pageId
                + "\",\"changes\":[");
        for (int i = 0; i < 50; i++) {
            body.append(i == 0 ? "" : ",").append("{\"field\":\"leadgen\",\"value\":{\"leadgen_id\":\"")
                    .append(882000000000000L + i).append("\",\"page_id\":\"").append(pageId).append("\"}}");
        }
        body.append("]}]}");

        try (LogCapture log = LogCapture.begin()) {
            MetaTestKit.postSigned(server, body.toString().getBytes(StandardCharsets.UTF_8));
            long id = MetaTestKit.newestDelivery(server.app().database()).id();
            Eventually.await(WAIT, "the delivery parked as unrouted",
                    () -> "unrouted".equals(MetaTestKit.delivery(server.app().database(), id).state()));

            assertEquals(List.of("delivery=" + id + " page=" + pageId + " has 50 lead(s) for a page not connected"),
                    log.linesContaining("page=" + pageId).stream()
                            .map(line -> line.substring(line.indexOf("delivery="), line.indexOf(" here;")))
                            .toList());
        }
    }

    @Test
    void graphError190MarksThePageAndKeepsTheDeliveryUntilThePageIsReconnected() {
        String pageId = "610000000000401";
        String leadgenId = "880012345678951";
        connect(pageId, "EAAtestpagetoken0401");
        graph.lead(leadgenId, new FakeGraph.Answer(400, MetaTestKit.resourceText("meta/graph_error_190.json")));
        MetaTestKit.postSigned(server, MetaTestKit.leadgenDelivery(pageId, leadgenId));
        long id = MetaTestKit.newestDelivery(server.app().database()).id();

        Eventually.await(WAIT, "the delivery kept for reconnection", () -> "needs_reconnection".equals(
                MetaTestKit.delivery(server.app().database(), id).state()));
        MetaPage page = server.app().metaConnections().page(orgId, pageId).orElseThrow();
        assertEquals(MetaPage.NEEDS_RECONNECTION, page.status());
        assertEquals(true, page.statusDetail().contains("190"), page.statusDetail());

        graph.leadFromResource(leadgenId, "meta/lead_full.json");
        connect(pageId, "EAAtestpagetoken0402");

        awaitLead(leadgenId);
        Eventually.await(WAIT, "the delivery done",
                () -> "done".equals(MetaTestKit.delivery(server.app().database(), id).state()));
        assertEquals("Bearer EAAtestpagetoken0402", last(graph.requestsFor(leadgenId)).authorization());
    }

    @Test
    void graph500IsRetriedWithBackoffUntilGraphAnswers() {
        String leadgenId = "880012345678961";
        graph.lead(leadgenId, new FakeGraph.Answer(500, MetaTestKit.resourceText("meta/graph_error_500.json")));
        MetaTestKit.postSigned(server, MetaTestKit.leadgenDelivery(MetaTestKit.PAGE_ID, leadgenId));
        long id = MetaTestKit.newestDelivery(server.app().database()).id();

        Eventually.await(WAIT, "two failed attempts recorded",
                () -> MetaTestKit.delivery(server.app().database(), id).attempts() >= 2);
        MetaTestKit.DeliveryRow failing = MetaTestKit.delivery(server.app().database(), id);
        assertEquals("pending", failing.state());
        assertEquals(true, failing.lastError().startsWith("Graph API answered 500 for lead " + leadgenId),
                failing.lastError());

        graph.leadFromResource(leadgenId, "meta/lead_full.json");
        awaitLead(leadgenId);
        Eventually.await(WAIT, "the delivery done",
                () -> "done".equals(MetaTestKit.delivery(server.app().database(), id).state()));
        assertEquals(MetaPage.CONNECTED,
                server.app().metaConnections().page(orgId, MetaTestKit.PAGE_ID).orElseThrow().status());
    }

    @Test
    void graphTimeoutIsRetriedUntilGraphAnswers() {
        String leadgenId = "880012345678971";
        graph.lead(leadgenId, FakeGraph.Answer.HANG);
        MetaTestKit.postSigned(server, MetaTestKit.leadgenDelivery(MetaTestKit.PAGE_ID, leadgenId));
        long id = MetaTestKit.newestDelivery(server.app().database()).id();

        Eventually.await(WAIT, "a timed-out attempt recorded",
                () -> MetaTestKit.delivery(server.app().database(), id).attempts() >= 1);
        assertEquals("Graph API did not answer lead " + leadgenId + " within 1000 ms",
                MetaTestKit.delivery(server.app().database(), id).lastError());

        graph.leadFromResource(leadgenId, "meta/lead_full.json");
        graph.release();
        awaitLead(leadgenId);
    }

    @Test
    void backoffDoublesFromTheFirstDelayUpToAnHour() {
        MetaInboxWorker worker = new MetaInboxWorker(null, null, new MetaSettings("http://x", "v1.0",
                Duration.ofSeconds(1), 1024, Duration.ofMinutes(1), 1, Duration.ofSeconds(30),
                java.util.Optional.empty()), java.time.Clock.systemUTC());
        assertEquals(List.of(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120),
                Duration.ofHours(1), Duration.ofHours(1)), List.of(worker.backoff(1), worker.backoff(2),
                worker.backoff(3), worker.backoff(9), worker.backoff(500)));
    }

    private static void connect(String pageId, String pageToken) {
        server.app().metaConnections().connectPage(orgId, pageId, "Test page " + pageId, Secret.of(pageToken),
                List.of(MetaTestKit.FORM_ID));
    }

    private static Lead awaitLead(String leadgenId) {
        Eventually.await(WAIT, "lead meta:" + leadgenId,
                () -> MetaTestKit.leadId(server.app().database(), orgId, leadgenId).isPresent());
        return server.app().leads().get(orgId, MetaTestKit.leadId(server.app().database(), orgId, leadgenId).get());
    }

    private static Map<String, String> withoutPlatform(Map<String, String> detail) {
        Map<String, String> copy = new java.util.HashMap<>(detail);
        assertEquals("fb", copy.remove("platform"));
        assertEquals("false", copy.remove("isOrganic"));
        return copy;
    }

    private static <T> T last(List<T> items) {
        assertNotEquals(0, items.size());
        return items.get(items.size() - 1);
    }
}
