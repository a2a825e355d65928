package io.leadhouse.metaads;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookPayloadTest {

    @Test
    void numericIdsAboveTwoToTheFiftyThirdStayExact() {
        WebhookPayload payload = read(MetaTestKit.resource("meta/webhook_numeric_ids.json"));
        assertEquals(List.of(new LeadgenChange("9007199254740993", "610000000000001", "770011122233344", "", "",
                "1794999999")), payload.changes());
    }

    @Test
    void batchKeepsEachLeadOnceAndSkipsChangesWithoutValueOrLeadgenId() {
        WebhookPayload payload = read(MetaTestKit.resource("meta/webhook_batch.json"));
        assertEquals(List.of("880012345678911", "880012345678912", "880012345678913"),
                payload.changes().stream().map(LeadgenChange::leadgenId).toList());
    }

    @Test
    void adIdZeroMeansNoAd() {
        WebhookPayload payload = read(MetaTestKit.resource("meta/webhook_batch.json"));
        assertEquals("", payload.changes().get(2).adId());
    }

    @Test
    void pageIdFallsBackToTheEntryId() {
        WebhookPayload payload = read(("{\"object\":\"page\",\"entry\":[{\"id\":\"42\",\"changes\":[{\"field\":"
                + "\"leadgen\",\"value\":{\"leadgen_id\":\"7\"}}]}]}").getBytes(StandardCharsets.UTF_8));
        assertEquals("42", payload.changes().get(0).pageId());
    }

    @Test
    void otherObjectsAreNotPages() {
        assertEquals(false, read("{\"object\":\"user\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8)).isPage());
    }

    private static WebhookPayload read(byte[] body) {
        return WebhookPayload.read(MetaJson.parse(body).orElseThrow(), 1);
    }
}
