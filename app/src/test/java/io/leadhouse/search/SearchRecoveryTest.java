package io.leadhouse.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadhouse.account.User;
import io.leadhouse.crypto.Secret;
import io.leadhouse.lead.IncomingLead;
import io.leadhouse.testing.Eventually;
import io.leadhouse.testing.LogCapture;
import io.leadhouse.testing.TestServer;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index catches up after a crash: a deleted index is rebuilt, and outbox rows left behind replay. */
class SearchRecoveryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);
    private static final String REBUILT = "search index rebuilt from the database";

    @TempDir
    Path dataDir;

    @Test
    void rebuildsDeletedIndexFromDatabaseOnStart() throws Exception {
        long id;
        try (TestServer server = TestServer.start(dataDir)) {
            id = createFindable(server, "{\"name\":\"Nandini Kulkarni\",\"phone\":\"90000 11111\"}", "Nandini");
        }
        deleteRecursively(dataDir.resolve("index"));

        try (LogCapture log = LogCapture.begin(); TestServer server = TestServer.start(dataDir)) {
            assertEquals(List.of(id), ids(server, "Nandini", server.ownerToken()));
            assertEquals(List.of("io.leadhouse.search.SearchIndexer " + REBUILT + ": 1 leads in"),
                    log.linesContaining(REBUILT).stream().map(line -> line.substring(0, line.indexOf(" in ") + 3))
                            .toList());
        }
    }

    @Test
    void rebuildsCorruptIndexFromDatabaseOnStart() throws Exception {
        long id;
        try (TestServer server = TestServer.start(dataDir)) {
            id = createFindable(server, "{\"name\":\"Ritika Deshpande\",\"phone\":\"90000 22222\"}", "Ritika");
        }
        try (Stream<Path> files = Files.list(dataDir.resolve("index"))) {
            for (Path segments : files.filter(file -> file.getFileName().toString().startsWith("segments_")).toList()) {
                Files.writeString(segments, "garbage");
            }
        }

        try (TestServer server = TestServer.start(dataDir)) {
            assertEquals(List.of(id), ids(server, "Ritika", server.ownerToken()));
        }
    }

    @Test
    void replaysOutboxLeftBehindWhileIndexerWasStopped() throws Exception {
        long written;
        try (TestServer server = TestServer.start(dataDir)) {
            createFindable(server, "{\"name\":\"Ravi Shankar\"}", "Ravi");
            server.app().search().close();
            User owner = server.app().accounts().signIn(TestServer.OWNER_EMAIL, Secret.of(TestServer.OWNER_PASSWORD))
                    .user();
            written = server.app().leads().create(owner.orgId(), owner.id(), new IncomingLead(Optional.empty(),
                    "Gauri Joshi", "", "", "Nashik", "", "manual", Optional.empty(), Map.of(), List.of())).id();
        }

        try (LogCapture log = LogCapture.begin(); TestServer server = TestServer.start(dataDir)) {
            String token = server.ownerToken();
            Eventually.await(ONE_SECOND, "lead " + written + " to be found after restart",
                    () -> ids(server, "Gauri", token).contains(written));
            assertEquals(List.of(written), ids(server, "Gauri", token));
            assertEquals(List.of(), log.linesContaining(REBUILT));
        }
    }

    @Test
    void rebuildOnRequestKeepsEveryLeadFindable() throws Exception {
        try (TestServer server = TestServer.start(dataDir)) {
            long id = createFindable(server, "{\"name\":\"Tara Banerjee\"}", "Tara");

            assertEquals(1, server.app().search().rebuild());
            assertEquals(List.of(id), ids(server, "Tara", server.ownerToken()));
        }
    }

    private static long createFindable(TestServer server, String json, String name) throws Exception {
        String token = server.ownerToken();
        HttpResponse<String> created = server.postJson("/api/v1/leads", json, token);
        assertEquals(201, created.statusCode(), created.body());
        long id = JSON.readTree(created.body()).get("id").asLong();
        Eventually.await(ONE_SECOND, "lead " + id + " to be found", () -> ids(server, name, token).contains(id));
        return id;
    }

    private static List<Long> ids(TestServer server, String typed, String token) {
        HttpResponse<String> response =
                server.get("/api/v1/search?q=" + URLEncoder.encode(typed, StandardCharsets.UTF_8), token);
        assertEquals(200, response.statusCode(), response.body());
        List<Long> ids = new ArrayList<>();
        try {
            for (JsonNode item : JSON.readTree(response.body()).get("items")) {
                ids.add(item.get("id").asLong());
            }
        } catch (IOException e) {
            throw new AssertionError("search answered malformed JSON: " + response.body(), e);
        }
        return ids;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
