package io.leadhouse.metaads;

import io.leadhouse.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SQL for Meta's rows of the inbox ({@code webhook_deliveries}, channel {@code meta}). A row is
 * {@code pending} until a worker claims it ({@code working}), then {@code done}, back to
 * {@code pending} with a later {@code next_attempt_at}, or parked until a page is connected
 * ({@code unrouted}, {@code needs_reconnection}). Thread-safe.
 */
final class DeliveryRepository {
    static final String CHANNEL = "meta";
    static final String PENDING = "pending";
    static final String WORKING = "working";
    static final String DONE = "done";
    static final String UNROUTED = "unrouted";
    static final String NEEDS_RECONNECTION = "needs_reconnection";
    private static final int CANDIDATES = 8;
    private static final int ERROR_LENGTH = 1000;

    private final Database database;

    DeliveryRepository(Database database) {
        this.database = database;
    }

    /**
     * A claimed delivery.
     *
     * @param id the row
     * @param body the bytes exactly as Meta sent them
     * @param attempts earlier attempts
     */
    record Delivery(long id, byte[] body, int attempts) {}

    /** Stores a verified delivery as pending and returns its id. */
    long insert(byte[] body, Instant now) {
        return database.withConnection(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO webhook_deliveries (channel, body,"
                    + " received_at, state, attempts, next_attempt_at) VALUES (?, ?, ?, ?, 0, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, CHANNEL);
                insert.setBytes(2, body);
                insert.setTimestamp(3, Timestamp.from(now));
                insert.setString(4, PENDING);
                insert.setTimestamp(5, Timestamp.from(now));
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /** Puts rows a crashed process left {@code working} back to pending; returns how many. */
    int recoverAbandoned() {
        return update("UPDATE webhook_deliveries SET state = ? WHERE channel = ? AND state = ?",
                PENDING, CHANNEL, WORKING);
    }

    /** Makes every parked row due now, so it is routed again; returns how many. */
    int requeueParked(Instant now) {
        return database.withConnection(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE webhook_deliveries SET state = ?,"
                    + " next_attempt_at = ? WHERE channel = ? AND state IN (?, ?)")) {
                update.setString(1, PENDING);
                update.setTimestamp(2, Timestamp.from(now));
                update.setString(3, CHANNEL);
                update.setString(4, UNROUTED);
                update.setString(5, NEEDS_RECONNECTION);
                return update.executeUpdate();
            }
        });
    }

    /**
     * Claims one due delivery. The claim is a conditional update, so two workers never take the
     * same row.
     */
    Optional<Delivery> claimDue(Instant now) {
        return database.withConnection(connection -> {
            for (long id : dueIds(connection, now)) {
                if (setState(connection, id, WORKING, PENDING) == 1) {
                    return load(connection, id);
                }
            }
            return Optional.empty();
        });
    }

    /** When the next pending row falls due, if any is pending. */
    Optional<Instant> nextDue() {
        return database.withConnection(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT MIN(next_attempt_at) FROM webhook_deliveries WHERE state = ? AND channel = ?")) {
                query.setString(1, PENDING);
                query.setString(2, CHANNEL);
                try (ResultSet rows = query.executeQuery()) {
                    Timestamp next = rows.next() ? rows.getTimestamp(1) : null;
                    return Optional.ofNullable(next).map(Timestamp::toInstant);
                }
            }
        });
    }

    /** Records that every change of the delivery was handled. */
    void markDone(long id, Instant now) {
        database.withConnection(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE webhook_deliveries SET state = ?,"
                    + " attempts = attempts + 1, done_at = ?, last_error = NULL WHERE id = ?")) {
                update.setString(1, DONE);
                update.setTimestamp(2, Timestamp.from(now));
                update.setLong(3, id);
                return update.executeUpdate();
            }
        });
    }

    /** Puts the delivery back to pending, due at {@code next}, with the reason it failed. */
    void retryLater(long id, Instant next, String error) {
        finishAttempt(id, PENDING, next, error);
    }

    /** Parks the delivery in {@code state} until a page is connected. */
    void park(long id, String state, Instant now, String reason) {
        finishAttempt(id, state, now, reason);
    }

    private void finishAttempt(long id, String state, Instant next, String error) {
        database.withConnection(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE webhook_deliveries SET state = ?,"
                    + " attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?")) {
                update.setString(1, state);
                update.setTimestamp(2, Timestamp.from(next));
                update.setString(3, error.length() > ERROR_LENGTH ? error.substring(0, ERROR_LENGTH) : error);
                update.setLong(4, id);
                return update.executeUpdate();
            }
        });
    }

    private static List<Long> dueIds(Connection connection, Instant now) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT id FROM webhook_deliveries WHERE state = ?"
                + " AND next_attempt_at <= ? AND channel = ? ORDER BY next_attempt_at, id FETCH FIRST ? ROWS ONLY")) {
            query.setString(1, PENDING);
            query.setTimestamp(2, Timestamp.from(now));
            query.setString(3, CHANNEL);
            query.setInt(4, CANDIDATES);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        }
    }

    private static int setState(Connection connection, long id, String state, String expected) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE webhook_deliveries SET state = ? WHERE id = ? AND state = ?")) {
            update.setString(1, state);
            update.setLong(2, id);
            update.setString(3, expected);
            return update.executeUpdate();
        }
    }

    private static Optional<Delivery> load(Connection connection, long id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT body, attempts FROM webhook_deliveries WHERE id = ?")) {
            query.setLong(1, id);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(new Delivery(id, rows.getBytes(1), rows.getInt(2))) : Optional.empty();
            }
        }
    }

    private int update(String sql, String... values) {
        return database.withConnection(connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    update.setString(i + 1, values[i]);
                }
                return update.executeUpdate();
            }
        });
    }
}
