package io.leadhouse.metaads;

import io.leadhouse.crypto.Secret;
import io.leadhouse.store.Database;
import io.leadhouse.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Shared pieces of the Meta tests: fixtures, signing, posting deliveries, reading the inbox. */
public final class MetaTestKit {
    /** The app secret test servers are configured with. */
    public static final String APP_SECRET = "test-app-secret-0123456789abcdef";
    /** The verify token test servers are configured with. */
    public static final String VERIFY_TOKEN = "test-verify-token";
    /** The page every test connects, unless it needs its own. */
    public static final String PAGE_ID = "610000000000001";
    /** The form of the fixtures. */
    public static final String FORM_ID = "770011122233344";
    /** The page token of {@link #PAGE_ID}. */
    public static final String PAGE_TOKEN = "EAAtestpagetoken0001";

    private MetaTestKit() {}

    /** Settings for a test server whose Meta app is configured and whose Graph API is {@code graph}. */
    public static Map<String, String> settings(FakeGraph graph) {
        Map<String, String> values = new HashMap<>();
        values.put("meta.graph-url", graph.url());
        values.put("meta.graph-version", FakeGraph.VERSION);
        values.put("meta.app-secret", APP_SECRET);
        values.put("meta.verify-token", VERIFY_TOKEN);
        values.put("meta.request-timeout-ms", "1000");
        values.put("meta.retry-first-delay-ms", "50");
        return values;
    }

    /** The organization of the test server's Owner. */
    public static long orgId(TestServer server) {
        return server.app().accounts().signIn(TestServer.OWNER_EMAIL, Secret.of(TestServer.OWNER_PASSWORD)).user()
                .orgId();
    }

    /** A test resource as bytes. */
    public static byte[] resource(String name) {
        try (InputStream in = MetaTestKit.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A test resource as UTF-8 text. */
    public static String resourceText(String name) {
        return new String(resource(name), StandardCharsets.UTF_8);
    }

    /** A one-change leadgen delivery, as Meta sends it today (ids as strings). */
    public static byte[] leadgenDelivery(String pageId, String leadgenId) {
        return ("{\"object\":\"page\",\"entry\":[{\"id\":\"" + pageId + "\",\"time\":1795000000,"
                + "\"changes\":[{\"field\":\"leadgen\",\"value\":{\"leadgen_id\":\"" + leadgenId
                + "\",\"page_id\":\"" + pageId + "\",\"form_id\":\"" + FORM_ID + "\",\"created_time\":1794999999}}]}]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The X-Hub-Signature-256 value Meta would send for {@code body} under {@code secret}. */
    public static String sign(byte[] body, String secret) {
        return Signatures.sign(body, Secret.of(secret));
    }

    /** Posts a delivery signed with the test app secret. */
    public static HttpResponse<String> postSigned(TestServer server, byte[] body) {
        return post(server, body, Optional.of(sign(body, APP_SECRET)));
    }

    /** Posts a delivery with the given signature header, or none. */
    public static HttpResponse<String> post(TestServer server, byte[] body, Optional<String> signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + "/webhooks/meta"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signature.ifPresent(value -> request.header("X-Hub-Signature-256", value));
        return server.send(request.build());
    }

    /** How many deliveries the inbox holds. */
    public static long deliveryCount(Database database) {
        return database.withConnection(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM webhook_deliveries");
                    ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    /**
     * A delivery row as tests look at it.
     *
     * @param id the row
     * @param state its state
     * @param attempts attempts so far
     * @param lastError the last failure, empty when none
     */
    public record DeliveryRow(long id, String state, int attempts, String lastError) {}

    /** The newest delivery. */
    public static DeliveryRow newestDelivery(Database database) {
        return database.withConnection(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT id, state, attempts, last_error"
                    + " FROM webhook_deliveries ORDER BY id DESC FETCH FIRST 1 ROWS ONLY");
                    ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    throw new AssertionError("the inbox is empty");
                }
                return row(rows);
            }
        });
    }

    /** One delivery by id. */
    public static DeliveryRow delivery(Database database, long id) {
        return database.withConnection(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT id, state, attempts, last_error FROM webhook_deliveries WHERE id = ?")) {
                query.setLong(1, id);
                try (ResultSet rows = query.executeQuery()) {
                    if (!rows.next()) {
                        throw new AssertionError("no delivery " + id);
                    }
                    return row(rows);
                }
            }
        });
    }

    private static DeliveryRow row(ResultSet rows) throws java.sql.SQLException {
        String error = rows.getString(4);
        return new DeliveryRow(rows.getLong(1), rows.getString(2), rows.getInt(3), error == null ? "" : error);
    }

    /** The id of the organization's lead with external key {@code meta:<leadgenId>}, if stored. */
    public static Optional<Long> leadId(Database database, long orgId, String leadgenId) {
        return database.withConnection(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT id FROM leads WHERE org_id = ? AND external_key = ?")) {
                query.setLong(1, orgId);
                query.setString(2, "meta:" + leadgenId);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
                }
            }
        });
    }

    /** How many leads have external key {@code meta:<leadgenId>}, across organizations. */
    public static long leadCount(Database database, String leadgenId) {
        return database.withConnection(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT COUNT(*) FROM leads WHERE external_key = ?")) {
                query.setString(1, "meta:" + leadgenId);
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }

    /** How many leads have an external key matching the SQL LIKE {@code pattern}. */
    public static long leadCountLike(Database database, String pattern) {
        return database.withConnection(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT COUNT(*) FROM leads WHERE external_key LIKE ?")) {
                query.setString(1, pattern);
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }
}
