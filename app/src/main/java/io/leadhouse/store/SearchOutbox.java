package io.leadhouse.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The search outbox: a change to a searchable row writes an outbox row in the same transaction;
 * the indexer drains it. A crash between the two loses nothing, because the outbox replays.
 * Stateless and thread-safe.
 */
public final class SearchOutbox {

    /**
     * One pending change.
     *
     * @param id outbox row id
     * @param orgId organization of the changed row
     * @param entity what changed, such as {@code lead}
     * @param entityId id of the changed row
     */
    public record Entry(long id, long orgId, String entity, long entityId) {}

    /** Records that {@code entity} {@code entityId} changed; call inside the change's transaction. */
    public void enqueue(Connection connection, long orgId, String entity, long entityId, Instant now)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO search_outbox (org_id, entity, entity_id, created_at) VALUES (?, ?, ?, ?)")) {
            insert.setLong(1, orgId);
            insert.setString(2, entity);
            insert.setLong(3, entityId);
            insert.setTimestamp(4, Timestamp.from(now));
            insert.executeUpdate();
        }
    }

    /** The oldest pending changes, at most {@code limit}. */
    public List<Entry> oldest(Connection connection, int limit) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, org_id, entity, entity_id FROM search_outbox ORDER BY id FETCH FIRST ? ROWS ONLY")) {
            query.setInt(1, limit);
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    entries.add(new Entry(rows.getLong(1), rows.getLong(2), rows.getString(3), rows.getLong(4)));
                }
            }
            return entries;
        }
    }

    /**
     * Removes exactly the handled entries. Removing by id rather than "everything up to the last id"
     * keeps an entry whose transaction committed late (a lower id seen after a higher one) on
     * databases that do not make readers wait, such as PostgreSQL.
     */
    public void remove(Connection connection, List<Entry> handled) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM search_outbox WHERE id = ?")) {
            for (Entry entry : handled) {
                delete.setLong(1, entry.id());
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }
}
