package io.leadhouse.store;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.leadhouse.support.LeadhouseException;

/** {@code /observe/health} check that the database answers a query through the pool. */
public final class DatabaseHealth implements HealthCheck {
    private final Database database;

    /** Creates the check for this database. */
    public DatabaseHealth(Database database) {
        this.database = database;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public HealthCheckType type() {
        return HealthCheckType.READINESS;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            database.withConnection(connection -> {
                try (var statement = connection.createStatement(); var rows = statement.executeQuery("VALUES 1")) {
                    return rows.next();
                }
            });
            return HealthCheckResponse.builder().status(true).build();
        } catch (LeadhouseException e) {
            // The cause stays in the log of whoever failed; the check only says it is down.
            return HealthCheckResponse.builder().status(false).detail("error", "the database does not answer").build();
        }
    }
}
