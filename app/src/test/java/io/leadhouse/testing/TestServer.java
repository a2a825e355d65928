package io.leadhouse.testing;

import io.leadhouse.Leadhouse;
import io.leadhouse.config.Settings;
import io.leadhouse.crypto.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The real Leadhouse on a free port with its data in a temporary directory, plus a small HTTP
 * client for tests. Start one per test class or test; close it to stop everything.
 */
public final class TestServer implements AutoCloseable {
    /** Password of the Owner every test server is set up with. */
    public static final String OWNER_PASSWORD = "correct horse battery";
    /** Email of the Owner every test server is set up with. */
    public static final String OWNER_EMAIL = "owner@example.test";

    private final Path dataDir;
    private final Map<String, String> values;
    private Leadhouse app;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestServer(Path dataDir, Map<String, String> values) {
        this.dataDir = dataDir;
        this.values = values;
    }

    /** Starts a server with an organization "Acme" and its Owner, plus the given settings. */
    public static TestServer start(Path dataDir, Map<String, String> extra) {
        Map<String, String> values = new HashMap<>();
        values.put("data.dir", dataDir.toString());
        values.put("server.host", "127.0.0.1");
        values.put("server.port", "0");
        values.put("security.bcrypt-cost", "12");
        values.put("setup.org", "Acme");
        values.put("setup.owner-email", OWNER_EMAIL);
        values.put("setup.owner-password", OWNER_PASSWORD);
        values.putAll(extra);
        TestServer server = new TestServer(dataDir, values);
        server.app = Leadhouse.start(Settings.of(Leadhouse.SETTINGS, values), Clock.systemUTC());
        return server;
    }

    /** Starts a server with default test settings. */
    public static TestServer start(Path dataDir) {
        return start(dataDir, Map.of());
    }

    /** Stops this server and starts a new one on the same data directory and settings. */
    public TestServer restart() {
        app.close();
        app = Leadhouse.start(Settings.of(Leadhouse.SETTINGS, values), Clock.systemUTC());
        return this;
    }

    /** The running application. */
    public Leadhouse app() {
        return app;
    }

    /** The data directory. */
    public Path dataDir() {
        return dataDir;
    }

    /** {@code http://127.0.0.1:port} of the API and web UI. */
    public String url() {
        return "http://127.0.0.1:" + app.port();
    }

    /** Signs in as the Owner and returns the bearer token. */
    public String ownerToken() {
        return app.accounts().signIn(OWNER_EMAIL, Secret.of(OWNER_PASSWORD)).token().reveal();
    }

    /** Sends a GET with an optional bearer token (null for none). */
    public HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    /** Sends a POST of a JSON body with an optional bearer token (null for none). */
    public HttpResponse<String> postJson(String path, String json, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    /** Sends any request. */
    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        if (app != null) {
            app.close();
        }
    }
}
