package io.leadhouse.store;

import io.leadhouse.support.StorageFailureException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ResourceAccessor;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies the Liquibase changelog {@code db/changelog.xml} at start-up. */
final class Migrations {
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    static final String CHANGELOG = "db/changelog.xml";

    private Migrations() {}

    static void apply(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            int before = countApplied(connection);
            var database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            // An appliance must never phone home: Liquibase's usage analytics stay off. Its progress report
            // goes to the log, not to stdout, where the CLI prints its results.
            Map<String, Object> scope = Map.of(
                    "liquibase.analytics.enabled", false,
                    Scope.Attr.ui.name(), new LoggerUIService(),
                    Scope.Attr.resourceAccessor.name(),
                            new ClassLoaderResourceAccessor(Migrations.class.getClassLoader()));
            Scope.child(scope, () -> refuseNewerDatabase(connection, database));
            Scope.child(scope, () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                    .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                    .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                    .execute());
            int after = countApplied(connection);
            if (after > before) {
                LOG.info("database migrated: {} changesets applied, {} in total", after - before, after);
            }
        } catch (StorageFailureException e) {
            throw e;
        } catch (SQLException | LiquibaseException e) {
            throw new StorageFailureException("database migration failed: " + e.getMessage()
                    + "; restore the data directory from a backup or report this", e);
        } catch (Exception e) {
            throw new StorageFailureException("database migration failed: " + e.getMessage(), e);
        }
    }

    /**
     * Stops before touching a database that a newer Leadhouse has migrated: its changelog table
     * names changesets this version does not know, and running on would corrupt or misread data.
     */
    private static void refuseNewerDatabase(Connection connection, liquibase.database.Database database)
            throws LiquibaseException, SQLException {
        Set<String> applied = appliedIds(connection);
        if (applied.isEmpty()) {
            return;
        }
        ResourceAccessor accessor = Scope.getCurrentScope().getResourceAccessor();
        DatabaseChangeLog changelog = ChangeLogParserFactory.getInstance().getParser(CHANGELOG, accessor)
                .parse(CHANGELOG, new ChangeLogParameters(database), accessor);
        Set<String> known = new TreeSet<>();
        changelog.getChangeSets().forEach(changeSet -> known.add(changeSet.getId()));
        applied.removeAll(known);
        if (!applied.isEmpty()) {
            throw new StorageFailureException("the database was migrated by a newer Leadhouse (changesets "
                    + String.join(", ", applied) + " are unknown to this version); run that newer version,"
                    + " or restore a backup made with this one");
        }
    }

    private static Set<String> appliedIds(Connection connection) throws SQLException {
        Set<String> ids = new TreeSet<>();
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT ID FROM DATABASECHANGELOG")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        } catch (SQLException e) {
            // 42X05: no changelog table yet, so a new database.
            if (!"42X05".equals(e.getSQLState())) {
                throw e;
            }
        }
        return ids;
    }

    private static int countApplied(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT COUNT(*) FROM DATABASECHANGELOG")) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            // 42X05: the table does not exist yet, so nothing was applied.
            if ("42X05".equals(e.getSQLState())) {
                return 0;
            }
            throw e;
        }
    }
}
