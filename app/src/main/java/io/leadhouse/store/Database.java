package io.leadhouse.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.leadhouse.support.StorageFailureException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Derby database behind a small connection pool. The pool bounds how many virtual
 * threads can be inside Derby at once (its driver synchronizes heavily). Thread-safe.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final String url;
    private final HikariDataSource pool;

    private Database(String url, HikariDataSource pool) {
        this.url = url;
        this.pool = pool;
    }

    /**
     * Opens (creating when absent) the database in {@code directory} and applies pending migrations.
     *
     * @param directory the Derby database directory, e.g. {@code data/db}
     * @param logFile where Derby writes its own log
     */
    public static Database open(Path directory, Path logFile, DatabaseSettings settings) {
        // Derby reads these once, when the engine boots; later databases in the same JVM share them.
        System.setProperty("derby.stream.error.file", logFile.toString());
        System.setProperty("derby.storage.pageCacheSize", Integer.toString(settings.pageCachePages()));
        String url = "jdbc:derby:" + directory.toAbsolutePath();
        HikariConfig config = new HikariConfig();
        config.setPoolName("db-pool");
        config.setJdbcUrl(url + ";create=true");
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(1);
        config.setAutoCommit(true);
        config.setConnectionTimeout(30_000);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StorageFailureException("cannot open the database at " + directory + ": " + rootMessage(e)
                    + "; check that no other Leadhouse uses this data directory", e);
        }
        Database database = new Database(url, pool);
        try {
            Migrations.apply(pool);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return database;
    }

    /** The pooled data source, for libraries that need one (Quartz, Liquibase). */
    public DataSource dataSource() {
        return pool;
    }

    /** Runs the work in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(SqlWork<T> work) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StorageFailureException("database work failed: " + e.getMessage(), e);
        }
    }

    /** Runs the work on a connection in auto-commit mode, for single statements and reads. */
    public <T> T withConnection(SqlWork<T> work) {
        try (Connection connection = pool.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StorageFailureException("database work failed: " + e.getMessage(), e);
        }
    }

    /** Closes the pool and shuts this database down cleanly, so it can be opened again in the same JVM. */
    @Override
    public void close() {
        pool.close();
        try {
            DriverManager.getConnection(url + ";shutdown=true").close();
        } catch (SQLException e) {
            // Derby reports a clean shutdown of one database as SQLState 08006.
            if (!"08006".equals(e.getSQLState())) {
                LOG.warn("database shutdown reported {}: {}", e.getSQLState(), e.getMessage());
            }
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.warn("rollback failed: {}", e.getMessage());
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
