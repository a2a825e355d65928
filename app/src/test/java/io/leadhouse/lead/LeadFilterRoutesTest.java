package io.leadhouse.lead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadhouse.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The filters of {@code GET /api/v1/leads}, through the real server. */
class LeadFilterRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dataDir;
    static TestServer server;
    static String token;
    static long manualOld;
    static long manualNew;
    static long metaMarch1;
    static long metaMarch2;

    @BeforeAll
    static void start() {
        server = TestServer.start(dataDir);
        token = server.ownerToken();
        long orgId = server.app().accounts().signIn(TestServer.OWNER_EMAIL,
                io.leadhouse.crypto.Secret.of(TestServer.OWNER_PASSWORD)).user().orgId();
        manualOld = manual(orgId, "Old Manual", "2026-02-28T23:59:59Z");
        metaMarch1 = meta(orgId, "Meta One", "2026-03-01T00:00:00Z");
        metaMarch2 = meta(orgId, "Meta Two", "2026-03-02T23:59:59Z");
        manualNew = manual(orgId, "New Manual", "2026-03-03T00:00:00Z");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void sourceFilterListsOnlyThatSourceNewestFirstWithItsTotal() throws Exception {
        JsonNode page = list("?source=meta");
        assertEquals(List.of(metaMarch2, metaMarch1), ids(page));
        assertEquals(2, page.get("total").asLong());
    }

    @Test
    void createdDaysAreInclusiveUtcDays() throws Exception {
        assertEquals(List.of(metaMarch2, metaMarch1), ids(list("?createdFrom=2026-03-01&createdTo=2026-03-02")));
        assertEquals(List.of(manualNew), ids(list("?createdFrom=2026-03-03")));
        assertEquals(List.of(manualOld), ids(list("?createdTo=2026-02-28")));
    }

    @Test
    void filtersCombineWithAnd() throws Exception {
        JsonNode page = list("?source=manual&status=open&stage=new&createdFrom=2026-03-01");
        assertEquals(List.of(manualNew), ids(page));
        assertEquals(1, page.get("total").asLong());
    }

    @Test
    void statusWithNoMatchingLeadsIsAnEmptyPage() throws Exception {
        JsonNode page = list("?status=won");
        assertEquals(List.of(), ids(page));
        assertEquals(0, page.get("total").asLong());
    }

    @Test
    void filteredTotalCountsAcrossPages() throws Exception {
        JsonNode second = list("?source=meta&page=1&size=1");
        assertEquals(List.of(metaMarch1), ids(second));
        assertEquals(2, second.get("total").asLong());
    }

    @Test
    void emptyFilterValueMeansAny() throws Exception {
        assertEquals(4, list("?source=&status=").get("total").asLong());
    }

    @Test
    void unknownSourceIsProblemNamingParameterAndAllowedValues() throws Exception {
        assertProblem("/api/v1/leads?source=tiktok", "source is 'tiktok'; use one of manual, meta or leave it out");
    }

    @Test
    void unknownStatusIsProblemNamingAllowedValues() throws Exception {
        assertProblem("/api/v1/leads?status=closed", "status is 'closed'; use one of open, won, lost or leave it out");
    }

    @Test
    void unknownStageIsProblemNamingAllowedValues() throws Exception {
        assertProblem("/api/v1/leads?stage=qualified", "stage is 'qualified'; use one of new or leave it out");
    }

    @Test
    void malformedDateIsProblemShowingTheFormat() throws Exception {
        assertProblem("/api/v1/leads?createdFrom=01-03-2026",
                "createdFrom is '01-03-2026'; use a day as YYYY-MM-DD, such as 2026-03-01, or leave it out");
    }

    @Test
    void fromAfterToIsProblem() throws Exception {
        assertProblem("/api/v1/leads?createdFrom=2026-03-02&createdTo=2026-03-01",
                "createdFrom 2026-03-02 is after createdTo 2026-03-01; give a createdFrom on or before createdTo");
    }

    private static void assertProblem(String path, String detail) throws Exception {
        HttpResponse<String> refused = server.get(path, token);
        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(detail, JSON.readTree(refused.body()).get("detail").asText());
    }

    private static JsonNode list(String query) throws Exception {
        HttpResponse<String> response = server.get("/api/v1/leads" + query, token);
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    private static long manual(long orgId, String name, String createdAt) {
        Lead lead = server.app().leads().create(orgId, 1, new IncomingLead(Optional.empty(), name, "", "", "", "",
                "manual", Optional.empty(), Map.of(), List.of()));
        return backdate(lead.id(), createdAt);
    }

    private static long meta(long orgId, String name, String createdAt) {
        long id = server.app().leads().upsert(orgId, new IncomingLead(Optional.of("meta:" + name), name, "", "", "",
                "", "meta", Optional.empty(), Map.of(), List.of())).leadId();
        return backdate(id, createdAt);
    }

    private static long backdate(long id, String createdAt) {
        int changed = server.app().database().inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE leads SET created_at = ? WHERE id = ?")) {
                update.setTimestamp(1, Timestamp.from(Instant.parse(createdAt)));
                update.setLong(2, id);
                return update.executeUpdate();
            }
        });
        assertTrue(changed == 1);
        return id;
    }
}
