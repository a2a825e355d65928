package io.leadhouse.metaads;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadhouse.crypto.Secret;
import io.leadhouse.testing.Eventually;
import io.leadhouse.testing.ServeMain;
import io.leadhouse.testing.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kills a real Leadhouse process after it acknowledged a delivery, and checks the restart imports the lead. */
class MetaCrashTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LEADGEN_ID = "880012345679001";
    private static final Duration START_WAIT = Duration.ofSeconds(90);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    @Test
    void deliveryAcknowledgedBeforeAKillIsImportedAfterRestart() throws Exception {
        try (FakeGraph graph = FakeGraph.start()) {
            Map<String, String> settings = childSettings(graph);
            connectPageInProcess(settings);
            graph.lead(LEADGEN_ID, FakeGraph.Answer.HANG);

            Process first = spawn(settings, "first");
            try {
                int port = awaitReady(first, "first");
                byte[] body = MetaTestKit.leadgenDelivery(MetaTestKit.PAGE_ID, LEADGEN_ID);
                assertEquals(200, post(port, body).statusCode());
                Eventually.await(Duration.ofSeconds(10), "the worker calling Graph",
                        () -> !graph.requestsFor(LEADGEN_ID).isEmpty());
            } finally {
                first.destroyForcibly();
                first.waitFor(30, TimeUnit.SECONDS);
            }

            graph.leadFromResource(LEADGEN_ID, "meta/lead_full.json");
            graph.release();
            Process second = spawn(settings, "second");
            try {
                int port = awaitReady(second, "second");
                String token = signIn(port);
                Eventually.await(Duration.ofSeconds(20), "the lead after the restart",
                        () -> get(port, "/api/v1/leads", token).contains("Meera Kulkarni"));
                Eventually.await(Duration.ofSeconds(5), "the lead in search after the restart",
                        () -> get(port, "/api/v1/search?q=Meera", token).contains("Meera Kulkarni"));
                assertEquals(true, Files.readString(dir.resolve("second.log"))
                        .contains("Meta inbox: 1 deliveries interrupted by a stop"),
                        "the restart took the delivery back");
            } finally {
                second.destroy();
                second.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private Map<String, String> childSettings(FakeGraph graph) {
        Map<String, String> settings = new HashMap<>(MetaTestKit.settings(graph));
        settings.put("data.dir", dir.resolve("data").toString());
        settings.put("server.host", "127.0.0.1");
        settings.put("server.port", "0");
        settings.put("security.bcrypt-cost", "12");
        settings.put("setup.org", "Acme");
        settings.put("setup.owner-email", TestServer.OWNER_EMAIL);
        settings.put("setup.owner-password", TestServer.OWNER_PASSWORD);
        // Long enough that the first process is still waiting for Graph when it is killed.
        settings.put("meta.request-timeout-ms", "60000");
        return settings;
    }

    private void connectPageInProcess(Map<String, String> settings) {
        try (TestServer setup = TestServer.start(dir.resolve("data"), settings)) {
            setup.app().metaConnections().connectPage(MetaTestKit.orgId(setup), MetaTestKit.PAGE_ID, "Crash page",
                    Secret.of(MetaTestKit.PAGE_TOKEN), List.of(MetaTestKit.FORM_ID));
        }
    }

    private Process spawn(Map<String, String> settings, String name) throws IOException {
        Files.deleteIfExists(readyFile(name));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m",
                "-Dderby.stream.error.file=" + dir.resolve(name + "-derby.log"),
                "-cp", System.getProperty("java.class.path"), ServeMain.class.getName()));
        settings.forEach((key, value) -> command.add(key + "=" + value));
        command.add("ready-file=" + readyFile(name));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile())
                .start();
    }

    private int awaitReady(Process process, String name) throws IOException {
        Path ready = readyFile(name);
        Eventually.await(START_WAIT, name + " process to serve (log: " + dir.resolve(name + ".log") + ")",
                () -> Files.exists(ready) || !process.isAlive());
        if (!Files.exists(ready)) {
            throw new AssertionError(name + " process exited with " + process.exitValue() + ":\n"
                    + Files.readString(dir.resolve(name + ".log")));
        }
        return Integer.parseInt(Files.readString(ready).strip());
    }

    private Path readyFile(String name) {
        return dir.resolve(name + ".port");
    }

    private HttpResponse<String> post(int port, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/meta"))
                .header("X-Hub-Signature-256", MetaTestKit.sign(body, MetaTestKit.APP_SECRET))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    private String signIn(int port) throws IOException {
        String credentials = JSON.writeValueAsString(
                Map.of("email", TestServer.OWNER_EMAIL, "password", TestServer.OWNER_PASSWORD));
        HttpResponse<String> answer = send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(credentials, StandardCharsets.UTF_8))
                .build());
        assertEquals(200, answer.statusCode(), answer.body());
        return JSON.readTree(answer.body()).get("token").asText();
    }

    private String get(int port, String path, String token) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build()).body();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
