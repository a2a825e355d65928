package io.leadhouse.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadhouse.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthTest {
    @TempDir
    Path dataDir;

    @Test
    void healthReportsTheDatabaseUpWithoutSignIn() throws Exception {
        try (TestServer server = TestServer.start(dataDir)) {
            HttpResponse<String> health = server.get("/observe/health", null);

            assertEquals(200, health.statusCode(), health.body());
            JsonNode check = new ObjectMapper().readTree(health.body()).get("checks").get(0);
            assertEquals("database", check.get("name").asText());
            assertEquals("UP", check.get("status").asText());
        }
    }
}
