package io.leadhouse.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.leadhouse.support.StorageFailureException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    private static final DatabaseSettings SMALL = new DatabaseSettings(2, 1000);

    @TempDir
    Path dir;

    @Test
    void reopeningAppliesNoChangesetTwice() {
        long first = changesets();

        assertEquals(first, changesets());
    }

    @Test
    void databaseMigratedByNewerVersionStopsStartWithWhatToDo() {
        try (Database database = open()) {
            database.withConnection(connection -> connection.createStatement().executeUpdate(
                    "INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, EXECTYPE)"
                            + " VALUES ('99-from-the-future', 'leadhouse', 'db/changelog.xml', CURRENT_TIMESTAMP,"
                            + " 99, 'EXECUTED')"));
        }

        StorageFailureException refused = assertThrows(StorageFailureException.class, this::open);

        assertEquals("the database was migrated by a newer Leadhouse (changesets 99-from-the-future are unknown to"
                + " this version); run that newer version, or restore a backup made with this one",
                refused.getMessage());
    }

    @Test
    void transactionThatThrowsLeavesNothingBehind() {
        try (Database database = open()) {
            assertThrows(IllegalStateException.class, () -> database.inTransaction(connection -> {
                connection.createStatement().executeUpdate(
                        "INSERT INTO organizations (name, created_at) VALUES ('Half', CURRENT_TIMESTAMP)");
                throw new IllegalStateException("second step failed");
            }));

            long organizations = database.withConnection(connection -> {
                try (var rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM organizations")) {
                    rows.next();
                    return rows.getLong(1);
                }
            });
            assertEquals(0L, organizations);
        }
    }

    private long changesets() {
        try (Database database = open()) {
            return database.withConnection(connection -> {
                try (var rows = connection.createStatement()
                        .executeQuery("SELECT COUNT(*) FROM DATABASECHANGELOG")) {
                    rows.next();
                    return rows.getLong(1);
                }
            });
        }
    }

    private Database open() {
        return Database.open(dir.resolve("db"), dir.resolve("derby.log"), SMALL);
    }
}
