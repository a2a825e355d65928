package io.leadhouse.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadhouse.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnknownEndpointTest {

    @Test
    void answersUnknownApiPathWithNotFoundProblem(@TempDir Path dataDir) throws Exception {
        try (TestServer server = TestServer.start(dataDir)) {
            HttpResponse<String> answer = server.get("/api/v1/no-such-endpoint", server.ownerToken());

            assertEquals(404, answer.statusCode(), answer.body());
            assertEquals("/problems/not-found", new ObjectMapper().readTree(answer.body()).get("type").asText());
        }
    }
}
