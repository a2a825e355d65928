package io.leadhouse.lead;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL for leads and their timeline. Every query is scoped by organization. Stateless. */
final class LeadRepository {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int IN_LIST_CHUNK = 100;
    private static final String COLUMNS = "id, org_id, full_name, email, phone, phone_raw, city, company, stage,"
            + " status, source_kind, source_id, source_detail, answers, created_at, updated_at, version";

    long insert(Connection connection, long orgId, IncomingLead lead, Optional<String> phone, Instant now)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO leads (org_id, external_key,"
                + " full_name, email, phone, phone_raw, city, company, stage, status, source_kind, source_id,"
                + " source_detail, answers, created_at, updated_at, version)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'new', 'open', ?, ?, ?, ?, ?, ?, 1)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, orgId);
            insert.setString(2, lead.externalKey().orElse(null));
            insert.setString(3, emptyToNull(lead.name()));
            insert.setString(4, emptyToNull(lead.email()));
            insert.setString(5, phone.orElse(null));
            insert.setString(6, emptyToNull(lead.phoneRaw()));
            insert.setString(7, emptyToNull(lead.city()));
            insert.setString(8, emptyToNull(lead.company()));
            insert.setString(9, lead.sourceKind());
            if (lead.sourceId().isPresent()) {
                insert.setLong(10, lead.sourceId().get());
            } else {
                insert.setNull(10, Types.BIGINT);
            }
            insert.setString(11, toJson(lead.sourceDetail()));
            insert.setString(12, toJson(lead.answers()));
            insert.setTimestamp(13, Timestamp.from(now));
            insert.setTimestamp(14, Timestamp.from(now));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    Optional<Long> findIdByExternalKey(Connection connection, long orgId, String externalKey) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id FROM leads WHERE org_id = ? AND external_key = ?")) {
            query.setLong(1, orgId);
            query.setString(2, externalKey);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
            }
        }
    }

    Optional<Lead> find(Connection connection, long orgId, long id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM leads WHERE org_id = ? AND id = ?")) {
            query.setLong(1, orgId);
            query.setLong(2, id);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(lead(rows)) : Optional.empty();
            }
        }
    }

    /** The leads with these ids in the organization, in the order of {@code ids}; absent ids are skipped. */
    List<Lead> findAll(Connection connection, long orgId, List<Long> ids) throws SQLException {
        Map<Long, Lead> byId = new java.util.HashMap<>();
        for (int from = 0; from < ids.size(); from += IN_LIST_CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST_CHUNK));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM leads WHERE org_id = ? AND id IN (" + marks + ")")) {
                query.setLong(1, orgId);
                for (int i = 0; i < chunk.size(); i++) {
                    query.setLong(i + 2, chunk.get(i));
                }
                leads(query).forEach(lead -> byId.put(lead.id(), lead));
            }
        }
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    List<Lead> page(Connection connection, long orgId, LeadFilter filter, int offset, int size)
            throws SQLException {
        Where where = where(orgId, filter);
        try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM leads WHERE " + where.sql() + " ORDER BY created_at DESC, id DESC"
                + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
            int next = where.bind(query);
            query.setInt(next, offset);
            query.setInt(next + 1, size);
            return leads(query);
        }
    }

    /** Leads with ids above {@code afterId}, in id order, across all organizations; for rebuilding the index. */
    List<Lead> batchAfter(Connection connection, long afterId, int size) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM leads WHERE id > ? ORDER BY id FETCH FIRST ? ROWS ONLY")) {
            query.setLong(1, afterId);
            query.setInt(2, size);
            return leads(query);
        }
    }

    long count(Connection connection, long orgId, LeadFilter filter) throws SQLException {
        Where where = where(orgId, filter);
        try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM leads WHERE "
                + where.sql())) {
            where.bind(query);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** The conditions of a filter; only fixed SQL goes into the text, every value is a parameter. */
    private static Where where(long orgId, LeadFilter filter) {
        StringBuilder sql = new StringBuilder("org_id = ?");
        List<Object> values = new ArrayList<>();
        values.add(orgId);
        filter.source().ifPresent(value -> {
            sql.append(" AND source_kind = ?");
            values.add(value);
        });
        filter.stage().ifPresent(value -> {
            sql.append(" AND stage = ?");
            values.add(value);
        });
        filter.status().ifPresent(value -> {
            sql.append(" AND status = ?");
            values.add(value);
        });
        filter.createdFrom().ifPresent(day -> {
            sql.append(" AND created_at >= ?");
            values.add(Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant()));
        });
        filter.createdTo().ifPresent(day -> {
            sql.append(" AND created_at < ?");
            values.add(Timestamp.from(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        });
        return new Where(sql.toString(), values);
    }

    private record Where(String sql, List<Object> values) {
        /** Binds the values from the first parameter on; returns the index of the next free parameter. */
        int bind(PreparedStatement query) throws SQLException {
            for (int i = 0; i < values.size(); i++) {
                switch (values.get(i)) {
                    case Long number -> query.setLong(i + 1, number);
                    case Timestamp time -> query.setTimestamp(i + 1, time);
                    default -> query.setString(i + 1, values.get(i).toString());
                }
            }
            return values.size() + 1;
        }
    }

    void insertEvent(Connection connection, long orgId, long leadId, String kind, Optional<Long> actor, String summary,
            Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO lead_events"
                + " (org_id, lead_id, kind, actor_user_id, summary, occurred_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, orgId);
            insert.setLong(2, leadId);
            insert.setString(3, kind);
            if (actor.isPresent()) {
                insert.setLong(4, actor.get());
            } else {
                insert.setNull(4, Types.BIGINT);
            }
            insert.setString(5, summary.length() > 1000 ? summary.substring(0, 1000) : summary);
            insert.setTimestamp(6, Timestamp.from(now));
            insert.executeUpdate();
        }
    }

    List<TimelineEvent> timeline(Connection connection, long orgId, long leadId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT id, lead_id, kind, actor_user_id, summary,"
                + " occurred_at FROM lead_events WHERE org_id = ? AND lead_id = ?"
                + " ORDER BY occurred_at DESC, id DESC")) {
            query.setLong(1, orgId);
            query.setLong(2, leadId);
            List<TimelineEvent> events = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long actor = rows.getLong(4);
                    Optional<Long> actorId = rows.wasNull() ? Optional.empty() : Optional.of(actor);
                    events.add(new TimelineEvent(rows.getLong(1), rows.getLong(2), rows.getString(3), actorId,
                            rows.getString(5), rows.getTimestamp(6).toInstant()));
                }
            }
            return events;
        }
    }

    private static List<Lead> leads(PreparedStatement query) throws SQLException {
        List<Lead> leads = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                leads.add(lead(rows));
            }
        }
        return leads;
    }

    private static Lead lead(ResultSet rows) throws SQLException {
        long sourceId = rows.getLong(12);
        Optional<Long> source = rows.wasNull() ? Optional.empty() : Optional.of(sourceId);
        return new Lead(
                rows.getLong(1),
                rows.getLong(2),
                text(rows, 3),
                text(rows, 4),
                text(rows, 5),
                text(rows, 6),
                text(rows, 7),
                text(rows, 8),
                rows.getString(9),
                rows.getString(10),
                new Lead.Source(rows.getString(11), source, fromJson(rows.getString(13), new TypeReference<>() {},
                        Map.of())),
                fromJson(rows.getString(14), new TypeReference<List<Lead.Answer>>() {}, List.of()),
                rows.getTimestamp(15).toInstant(),
                rows.getTimestamp(16).toInstant(),
                rows.getLong(17));
    }

    private static String text(ResultSet rows, int column) throws SQLException {
        String value = rows.getString(column);
        return value == null ? "" : value;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write lead JSON", e);
        }
    }

    private static <T> T fromJson(String json, TypeReference<T> type, T whenAbsent) {
        if (json == null) {
            return whenAbsent;
        }
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored lead JSON is unreadable", e);
        }
    }
}
