package io.leadhouse.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A unit of database work run by {@link Database} on a pooled connection.
 *
 * @param <T> what the work returns
 */
@FunctionalInterface
public interface SqlWork<T> {
    /** Does the work on the given connection; never closes it. */
    T run(Connection connection) throws SQLException;
}
