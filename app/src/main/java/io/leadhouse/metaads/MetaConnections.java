package io.leadhouse.metaads;

import io.leadhouse.crypto.Secret;
import io.leadhouse.crypto.SecretBox;
import io.leadhouse.store.Database;
import io.leadhouse.support.ConflictException;
import io.leadhouse.support.InvalidInputException;
import io.leadhouse.support.NotFoundException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The install's Meta app credentials and each organization's connected pages and forms. Tokens and
 * secrets are stored only as ciphertext bound to their row, and never leave this class except to
 * the Graph client and the signature check. Thread-safe.
 */
public final class MetaConnections {
    private static final Logger LOG = LoggerFactory.getLogger(MetaConnections.class);
    private static final Pattern META_ID = Pattern.compile("^[0-9]{1,40}$");
    private static final String KIND = "meta";
    private static final int APP_ROW = 1;

    private final Database database;
    private final SecretBox secrets;
    private final Clock clock;
    private final List<Runnable> connectListeners = new CopyOnWriteArrayList<>();

    /** Creates the service. */
    public MetaConnections(Database database, SecretBox secrets, Clock clock) {
        this.database = database;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** Stores (or replaces) the install's Meta app secret and webhook verify token. */
    public void configureApp(Secret appSecret, Secret verifyToken) {
        if (appSecret.isEmpty() || verifyToken.isEmpty()) {
            throw new InvalidInputException("the Meta app needs both the app secret and a webhook verify token");
        }
        byte[] secret = secrets.seal(appSecret, "meta_app", "app_secret", APP_ROW);
        byte[] token = secrets.seal(verifyToken, "meta_app", "verify_token", APP_ROW);
        Timestamp now = Timestamp.from(clock.instant());
        database.inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM meta_app WHERE id = ?")) {
                delete.setInt(1, APP_ROW);
                delete.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO meta_app (id, app_secret, verify_token, updated_at) VALUES (?, ?, ?, ?)")) {
                insert.setInt(1, APP_ROW);
                insert.setBytes(2, secret);
                insert.setBytes(3, token);
                insert.setTimestamp(4, now);
                insert.executeUpdate();
            }
            return null;
        });
        LOG.info("Meta app credentials updated");
    }

    /** The install's Meta app credentials, once an Admin has entered them. */
    public Optional<MetaAppCredentials> appCredentials() {
        return database.withConnection(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT app_secret, verify_token FROM meta_app WHERE id = ?")) {
                query.setInt(1, APP_ROW);
                try (ResultSet rows = query.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new MetaAppCredentials(
                            secrets.open(rows.getBytes(1), "meta_app", "app_secret", APP_ROW),
                            secrets.open(rows.getBytes(2), "meta_app", "verify_token", APP_ROW)));
                }
            }
        });
    }

    /**
     * Connects a page to the organization, or updates its token, name and forms when it is already
     * connected to this organization. The page is then {@code connected}.
     *
     * @throws ConflictException when another organization of this install has the page
     */
    public MetaPage connectPage(long orgId, String pageId, String name, Secret accessToken, List<String> formIds) {
        String page = metaId(pageId, "page id");
        List<String> forms = formIds.stream().map(String::strip).filter(id -> !id.isEmpty())
                .map(id -> metaId(id, "form id")).distinct().toList();
        if (accessToken.isEmpty()) {
            throw new InvalidInputException("the page access token is missing; paste the page's token from Meta");
        }
        String pageName = name == null || name.isBlank() ? "Page " + page : name.strip();
        Instant now = clock.instant();
        long sourceId = database.inTransaction(connection -> {
            long id = upsertSource(connection, orgId, page, pageName, now);
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE lead_sources SET access_token = ? WHERE id = ?")) {
                update.setBytes(1, secrets.seal(accessToken, "lead_sources", "access_token", id));
                update.setLong(2, id);
                update.executeUpdate();
            }
            replaceForms(connection, orgId, id, forms);
            return id;
        });
        LOG.info("org={} source={} Meta page {} connected with {} forms", orgId, sourceId, page, forms.size());
        notifyConnected();
        return page(orgId, page).orElseThrow();
    }

    /** The organization's Meta pages, without tokens. */
    public List<MetaPage> pages(long orgId) {
        return database.withConnection(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT id, org_id, external_id, name, status,"
                    + " status_detail, updated_at FROM lead_sources WHERE org_id = ? AND kind = ? ORDER BY name, id")) {
                query.setLong(1, orgId);
                query.setString(2, KIND);
                List<MetaPage> pages = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        long id = rows.getLong(1);
                        String detail = rows.getString(6);
                        pages.add(new MetaPage(id, rows.getLong(2), rows.getString(3), rows.getString(4),
                                rows.getString(5), detail == null ? "" : detail, formIds(connection, id),
                                rows.getTimestamp(7).toInstant()));
                    }
                }
                return pages;
            }
        });
    }

    /** One page of the organization, by Meta's page id. */
    public Optional<MetaPage> page(long orgId, String pageId) {
        return pages(orgId).stream().filter(page -> page.pageId().equals(pageId)).findFirst();
    }

    /** Where deliveries for {@code pageId} go, when the page is connected (or waiting for a new token). */
    public Optional<PageRoute> routeForPage(String pageId) {
        return database.withConnection(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT id, org_id, access_token"
                    + " FROM lead_sources WHERE kind = ? AND external_id = ? AND access_token IS NOT NULL")) {
                query.setString(1, KIND);
                query.setString(2, pageId);
                try (ResultSet rows = query.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    long id = rows.getLong(1);
                    return Optional.of(new PageRoute(rows.getLong(2), id, pageId,
                            secrets.open(rows.getBytes(3), "lead_sources", "access_token", id)));
                }
            }
        });
    }

    /** Marks the page as needing a new token (Meta answered error 190); deliveries wait for it. */
    public void markNeedsReconnection(long sourceId, String detail) {
        setStatus(sourceId, MetaPage.NEEDS_RECONNECTION, detail);
        LOG.warn("source={} Meta refused the page token ({}); an Admin must reconnect the page", sourceId, detail);
    }

    /**
     * Marks a page that needed reconnection as working again, after a successful Graph call; does
     * nothing for a page that is connected or disconnected.
     */
    public void markConnected(long sourceId) {
        int changed = database.withConnection(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE lead_sources SET status = ?,"
                    + " status_detail = NULL, updated_at = ? WHERE id = ? AND status = ?")) {
                update.setString(1, MetaPage.CONNECTED);
                update.setTimestamp(2, Timestamp.from(clock.instant()));
                update.setLong(3, sourceId);
                update.setString(4, MetaPage.NEEDS_RECONNECTION);
                return update.executeUpdate();
            }
        });
        if (changed > 0) {
            LOG.info("source={} Meta accepts the page token again; the page is connected", sourceId);
            notifyConnected();
        }
    }

    /**
     * Calls {@code listener} after a page is connected, reconnected or works again, so that
     * deliveries waiting for it are routed again. Listeners must be quick and must not throw.
     */
    public void onPageConnected(Runnable listener) {
        connectListeners.add(listener);
    }

    /** Disconnects the page: its token is deleted at once and its forms are no longer polled. */
    public void disconnectPage(long orgId, String pageId) {
        int changed = database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE lead_sources SET access_token = NULL,"
                    + " status = ?, status_detail = NULL, updated_at = ?"
                    + " WHERE org_id = ? AND kind = ? AND external_id = ?")) {
                update.setString(1, MetaPage.DISCONNECTED);
                update.setTimestamp(2, Timestamp.from(clock.instant()));
                update.setLong(3, orgId);
                update.setString(4, KIND);
                update.setString(5, pageId);
                return update.executeUpdate();
            }
        });
        if (changed == 0) {
            throw new NotFoundException("Meta page " + pageId + " is not connected to this organization");
        }
        LOG.info("org={} Meta page {} disconnected; its token was deleted", orgId, pageId);
    }

    /** Every form of every connected page, for the poller. */
    public List<MetaForm> formsToSync() {
        return database.withConnection(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT f.id, f.org_id, f.source_id,"
                    + " s.external_id, f.form_id, f.synced_until"
                    + " FROM lead_forms f JOIN lead_sources s ON s.id = f.source_id"
                    + " WHERE s.kind = ? AND s.status = ? ORDER BY f.id")) {
                query.setString(1, KIND);
                query.setString(2, MetaPage.CONNECTED);
                List<MetaForm> forms = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        long until = rows.getLong(6);
                        OptionalLong syncedUntil = rows.wasNull() ? OptionalLong.empty() : OptionalLong.of(until);
                        forms.add(new MetaForm(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getString(4),
                                rows.getString(5), syncedUntil));
                    }
                }
                return forms;
            }
        });
    }

    /** Records that the poller has seen every lead of the form up to {@code syncedUntil} (epoch seconds). */
    public void advanceCursor(long formRowId, long syncedUntil) {
        database.withConnection(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE lead_forms SET synced_until = ?,"
                    + " last_synced_at = ? WHERE id = ? AND (synced_until IS NULL OR synced_until < ?)")) {
                update.setLong(1, syncedUntil);
                update.setTimestamp(2, Timestamp.from(clock.instant()));
                update.setLong(3, formRowId);
                update.setLong(4, syncedUntil);
                return update.executeUpdate();
            }
        });
    }

    private long upsertSource(Connection connection, long orgId, String pageId, String name, Instant now)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, org_id FROM lead_sources WHERE kind = ? AND external_id = ?")) {
            query.setString(1, KIND);
            query.setString(2, pageId);
            try (ResultSet rows = query.executeQuery()) {
                if (rows.next()) {
                    if (rows.getLong(2) != orgId) {
                        throw new ConflictException("Meta page " + pageId
                                + " is connected to another organization of this install; disconnect it there first");
                    }
                    long id = rows.getLong(1);
                    try (PreparedStatement update = connection.prepareStatement("UPDATE lead_sources SET name = ?,"
                            + " status = ?, status_detail = NULL, updated_at = ? WHERE id = ?")) {
                        update.setString(1, name);
                        update.setString(2, MetaPage.CONNECTED);
                        update.setTimestamp(3, Timestamp.from(now));
                        update.setLong(4, id);
                        update.executeUpdate();
                    }
                    return id;
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO lead_sources"
                + " (org_id, kind, external_id, name, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, orgId);
            insert.setString(2, KIND);
            insert.setString(3, pageId);
            insert.setString(4, name);
            insert.setString(5, MetaPage.CONNECTED);
            insert.setTimestamp(6, Timestamp.from(now));
            insert.setTimestamp(7, Timestamp.from(now));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void replaceForms(Connection connection, long orgId, long sourceId, List<String> forms)
            throws SQLException {
        List<String> existing = formIds(connection, sourceId);
        for (String stale : existing) {
            if (!forms.contains(stale)) {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM lead_forms WHERE source_id = ? AND form_id = ?")) {
                    delete.setLong(1, sourceId);
                    delete.setString(2, stale);
                    delete.executeUpdate();
                }
            }
        }
        for (String form : forms) {
            if (!existing.contains(form)) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO lead_forms (org_id, source_id, form_id) VALUES (?, ?, ?)")) {
                    insert.setLong(1, orgId);
                    insert.setLong(2, sourceId);
                    insert.setString(3, form);
                    insert.executeUpdate();
                }
            }
        }
    }

    private static List<String> formIds(Connection connection, long sourceId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT form_id FROM lead_forms WHERE source_id = ? ORDER BY id")) {
            query.setLong(1, sourceId);
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }

    private void setStatus(long sourceId, String status, String detail) {
        database.withConnection(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE lead_sources SET status = ?, status_detail = ?, updated_at = ?"
                            + " WHERE id = ? AND status <> ?")) {
                update.setString(1, status);
                if (detail == null) {
                    update.setNull(2, Types.VARCHAR);
                } else {
                    update.setString(2, detail.length() > 500 ? detail.substring(0, 500) : detail);
                }
                update.setTimestamp(3, Timestamp.from(clock.instant()));
                update.setLong(4, sourceId);
                update.setString(5, MetaPage.DISCONNECTED);
                return update.executeUpdate();
            }
        });
    }

    private void notifyConnected() {
        for (Runnable listener : connectListeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.warn("a page-connected listener failed: {}", e.getMessage());
            }
        }
    }

    private static String metaId(String value, String what) {
        String id = value == null ? "" : value.strip();
        if (!META_ID.matcher(id).matches()) {
            throw new InvalidInputException("the " + what + " '" + id + "' is not a Meta id; Meta ids are digits only");
        }
        return id;
    }
}
