package io.leadhouse.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** SQL for saved views. Every statement is scoped by organization and user. Stateless. */
final class SavedViewRepository {
    private static final ObjectMapper JSON = new ObjectMapper();

    long insert(Connection connection, long orgId, long userId, String name, Map<String, String> query, Instant now)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO saved_views"
                + " (org_id, user_id, name, query, created_at) VALUES (?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, orgId);
            insert.setLong(2, userId);
            insert.setString(3, name);
            insert.setString(4, toJson(query));
            insert.setTimestamp(5, Timestamp.from(now));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** The user's views by name (then id), for a stable list. */
    List<SavedView> list(Connection connection, long orgId, long userId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT id, name, query, created_at"
                + " FROM saved_views WHERE org_id = ? AND user_id = ? ORDER BY name, id")) {
            query.setLong(1, orgId);
            query.setLong(2, userId);
            List<SavedView> views = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    views.add(new SavedView(rows.getLong(1), rows.getString(2), fromJson(rows.getString(3)),
                            rows.getTimestamp(4).toInstant()));
                }
            }
            return views;
        }
    }

    int count(Connection connection, long orgId, long userId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT COUNT(*) FROM saved_views WHERE org_id = ? AND user_id = ?")) {
            query.setLong(1, orgId);
            query.setLong(2, userId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** Deletes the view if it is this user's; whether one was deleted. */
    boolean delete(Connection connection, long orgId, long userId, long id) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM saved_views WHERE org_id = ? AND user_id = ? AND id = ?")) {
            delete.setLong(1, orgId);
            delete.setLong(2, userId);
            delete.setLong(3, id);
            return delete.executeUpdate() > 0;
        }
    }

    private static String toJson(Map<String, String> query) {
        try {
            return JSON.writeValueAsString(query);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a saved view's query as JSON", e);
        }
    }

    private static Map<String, String> fromJson(String json) {
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored saved view's query is unreadable", e);
        }
    }
}
