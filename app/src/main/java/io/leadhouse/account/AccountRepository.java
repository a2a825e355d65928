package io.leadhouse.account;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** SQL for organizations, users and sessions. Stateless; callers supply the connection. */
final class AccountRepository {
    private static final String USER_COLUMNS = "u.id, u.org_id, u.email, u.full_name, u.role";

    long countOrganizations(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM organizations")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    long insertOrganization(Connection connection, String name, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO organizations (name, created_at) VALUES (?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, name);
            insert.setTimestamp(2, Timestamp.from(now));
            insert.executeUpdate();
            return generatedId(insert);
        }
    }

    long insertUser(Connection connection, long orgId, String email, String fullName, String passwordHash,
            Role role, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO users (org_id, email, full_name, password_hash, role, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, orgId);
            insert.setString(2, email);
            insert.setString(3, fullName);
            insert.setString(4, passwordHash);
            insert.setString(5, role.name());
            insert.setTimestamp(6, Timestamp.from(now));
            insert.executeUpdate();
            return generatedId(insert);
        }
    }

    boolean emailExists(Connection connection, String email) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM users WHERE email = ?")) {
            query.setString(1, email);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** The user and their password hash, by sign-in email. */
    Optional<Credentials> findCredentials(Connection connection, String email) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT " + USER_COLUMNS + ", u.password_hash FROM users u WHERE u.email = ?")) {
            query.setString(1, email);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(new Credentials(user(rows), rows.getString(6))) : Optional.empty();
            }
        }
    }

    void insertSession(Connection connection, User user, String tokenHash, Instant now, Instant expiresAt)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO sessions (org_id, user_id, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setLong(1, user.orgId());
            insert.setLong(2, user.id());
            insert.setString(3, tokenHash);
            insert.setTimestamp(4, Timestamp.from(now));
            insert.setTimestamp(5, Timestamp.from(expiresAt));
            insert.executeUpdate();
        }
    }

    Optional<User> findSessionUser(Connection connection, String tokenHash, Instant now) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + USER_COLUMNS
                + " FROM sessions s JOIN users u ON u.id = s.user_id AND u.org_id = s.org_id"
                + " WHERE s.token_hash = ? AND s.expires_at > ?")) {
            query.setString(1, tokenHash);
            query.setTimestamp(2, Timestamp.from(now));
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(user(rows)) : Optional.empty();
            }
        }
    }

    void deleteSession(Connection connection, String tokenHash) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM sessions WHERE token_hash = ?")) {
            delete.setString(1, tokenHash);
            delete.executeUpdate();
        }
    }

    int deleteExpiredSessions(Connection connection, Instant now) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM sessions WHERE expires_at <= ?")) {
            delete.setTimestamp(1, Timestamp.from(now));
            return delete.executeUpdate();
        }
    }

    private static User user(ResultSet rows) throws SQLException {
        return new User(rows.getLong(1), rows.getLong(2), rows.getString(3), rows.getString(4),
                Role.valueOf(rows.getString(5)));
    }

    private static long generatedId(Statement statement) throws SQLException {
        try (ResultSet keys = statement.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    record Credentials(User user, String passwordHash) {}
}
