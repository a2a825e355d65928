package io.leadhouse.jobs;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.quartz.utils.ConnectionProvider;

/**
 * Gives Quartz connections from the application's own pool; Quartz brings no pool of its own.
 * The pool belongs to the database, so shutting Quartz down leaves it open.
 */
final class DataSourceConnections implements ConnectionProvider {
    private final DataSource dataSource;

    DataSourceConnections(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public void initialize() {
        // The pool is already open.
    }

    @Override
    public void shutdown() {
        // The database closes the pool after the scheduler has stopped.
    }
}
