package io.leadhouse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.leadhouse.account.AccountService;
import io.leadhouse.account.AccountSettings;
import io.leadhouse.account.SignedIn;
import io.leadhouse.config.DataDirectory;
import io.leadhouse.config.Settings;
import io.leadhouse.crypto.Secret;
import io.leadhouse.store.Database;
import io.leadhouse.store.DatabaseSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {
    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path dir;

    @Test
    void createsKeysDatabaseAndOwnerWhoCanSignIn() throws IOException {
        Path data = dir.resolve("data");

        CliRun run = CliRun.run(Map.of(), "init", "--data-dir", data.toString(), "--org", "Acme",
                "--owner-email", "owner@acme.example", "--owner-name", "Asha Rao",
                "--owner-password-file", passwordFile().toString());

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of(
                "Data directory: " + data,
                "Master key: created " + data.resolve("keys/master.key")
                        + " (mode 0600); back it up apart from the data directory",
                "Encryption keyset: created " + data.resolve("keys/keyset.json"),
                "Database: " + data.resolve("db/leadhouse") + " (migrations applied)",
                "Organization: created 'Acme' with Owner owner@acme.example"), run.out().lines().toList());
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(data.resolve("keys/master.key"))));
        assertEquals(true, Files.isRegularFile(data.resolve("keys/keyset.json")));
        assertEquals("Asha Rao", signIn(data).user().fullName());
    }

    @Test
    void refusesToCreateASecondOrganization() throws IOException {
        Path data = dir.resolve("data");
        String[] args = {"init", "--data-dir", data.toString(), "--org", "Acme", "--owner-email", "owner@acme.example",
            "--owner-password-file", passwordFile().toString()};
        assertEquals(0, CliRun.run(Map.of(), args).exitCode());

        CliRun again = CliRun.run(Map.of(), args);

        assertEquals(1, again.exitCode());
        assertEquals("leadhouse: an organization already exists in " + data
                + "; init creates only the first one, so sign in as its Owner instead\n", again.err());
    }

    @Test
    void preparesDataKeysAndDatabaseOnlyWithoutOrganizationOptions() {
        Path data = dir.resolve("data");

        CliRun run = CliRun.run(Map.of(), "init", "--data-dir", data.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("Database: " + data.resolve("db/leadhouse") + " (migrations applied)",
                run.out().lines().toList().getLast());
        assertEquals(false, accounts(data, AccountService::isSetUp));
    }

    @Test
    void keepsExistingKeysWhenRunAgain() {
        Path data = dir.resolve("data");
        CliRun.run(Map.of(), "init", "--data-dir", data.toString());

        CliRun again = CliRun.run(Map.of(), "init", "--data-dir", data.toString());

        assertEquals(List.of("Master key: kept " + data.resolve("keys/master.key"),
                        "Encryption keyset: kept " + data.resolve("keys/keyset.json")),
                again.out().lines().toList().subList(1, 3));
    }

    @Test
    void refusesOrganizationWithoutOwnerPasswordFileAsUsageError() {
        CliRun run = CliRun.run(Map.of(), "init", "--data-dir", dir.resolve("data").toString(), "--org", "Acme",
                "--owner-email", "owner@acme.example");

        assertEquals(new CliRun(2, "", "leadhouse: Missing required argument(s): --owner-password-file=FILE;"
                + " see 'leadhouse init --help'\n"), run);
        assertEquals(false, Files.exists(dir.resolve("data")));
    }

    @Test
    void refusesShortPasswordBeforeCreatingAnything() throws IOException {
        Path file = Files.writeString(dir.resolve("password"), "short\n", StandardCharsets.UTF_8);

        CliRun run = CliRun.run(Map.of(), "init", "--data-dir", dir.resolve("data").toString(), "--org", "Acme",
                "--owner-email", "owner@acme.example", "--owner-password-file", file.toString());

        assertEquals(new CliRun(2, "", "leadhouse: the password is too short; use at least 10 characters\n"), run);
        assertEquals(false, Files.exists(dir.resolve("data")));
    }

    private Path passwordFile() throws IOException {
        return Files.writeString(dir.resolve("owner-password"), PASSWORD + "\n", StandardCharsets.UTF_8);
    }

    private static SignedIn signIn(Path data) {
        return accounts(data, accounts -> accounts.signIn("owner@acme.example", Secret.of(PASSWORD)));
    }

    private static <T> T accounts(Path data, java.util.function.Function<AccountService, T> work) {
        Settings settings = Settings.of(LeadhouseCommand.SETTINGS, Map.of("data.dir", data.toString()));
        DataDirectory directory = DataDirectory.from(settings);
        try (Database database = Database.open(
                directory.db(), directory.logs().resolve("derby.log"), DatabaseSettings.from(settings))) {
            return work.apply(new AccountService(database, AccountSettings.from(settings), Clock.systemUTC()));
        }
    }
}
