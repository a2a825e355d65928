package io.leadhouse.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leadhouse.crypto.Secret;
import io.leadhouse.store.Database;
import io.leadhouse.store.DatabaseSettings;
import io.leadhouse.support.ConflictException;
import io.leadhouse.support.InvalidInputException;
import io.leadhouse.support.UnauthorizedException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountServiceTest {
    private static final Secret PASSWORD = Secret.of("correct horse battery");

    @TempDir
    Path dir;
    private Database database;
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T09:00:00Z"));
    private AccountService accounts;

    @BeforeEach
    void open() {
        database = Database.open(dir.resolve("db"), dir.resolve("derby.log"), new DatabaseSettings(2, 1000));
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        accounts = new AccountService(database, new AccountSettings(Duration.ofMinutes(60), 12), clock);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void ownerSignsInAndTheTokenAuthenticates() {
        User owner = accounts.createOrganization("Acme", "Owner@Example.test", "Olu", PASSWORD);

        SignedIn signedIn = accounts.signIn("owner@example.test", PASSWORD);

        assertEquals(owner, accounts.authenticate(signedIn.token()).orElseThrow());
        assertEquals(Role.OWNER, signedIn.user().role());
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
        accounts.createOrganization("Acme", "owner@example.test", "Olu", PASSWORD);

        String wrongPassword = assertThrows(UnauthorizedException.class,
                () -> accounts.signIn("owner@example.test", Secret.of("not the password"))).getMessage();
        String unknownEmail = assertThrows(UnauthorizedException.class,
                () -> accounts.signIn("nobody@example.test", PASSWORD)).getMessage();

        assertEquals(wrongPassword, unknownEmail);
    }

    @Test
    void sessionStopsWorkingWhenItExpires() {
        accounts.createOrganization("Acme", "owner@example.test", "Olu", PASSWORD);
        SignedIn signedIn = accounts.signIn("owner@example.test", PASSWORD);

        now.set(now.get().plus(Duration.ofMinutes(61)));

        assertTrue(accounts.authenticate(signedIn.token()).isEmpty());
    }

    @Test
    void purgeRemovesOnlyExpiredSessions() {
        accounts.createOrganization("Acme", "owner@example.test", "Olu", PASSWORD);
        accounts.signIn("owner@example.test", PASSWORD);
        now.set(now.get().plus(Duration.ofMinutes(61)));
        SignedIn fresh = accounts.signIn("owner@example.test", PASSWORD);

        assertEquals(1, accounts.purgeExpiredSessions());
        assertTrue(accounts.authenticate(fresh.token()).isPresent());
    }

    @Test
    void signOutEndsTheSession() {
        accounts.createOrganization("Acme", "owner@example.test", "Olu", PASSWORD);
        SignedIn signedIn = accounts.signIn("owner@example.test", PASSWORD);

        accounts.signOut(signedIn.token());

        assertTrue(accounts.authenticate(signedIn.token()).isEmpty());
    }

    @Test
    void refusesShortPasswordAndDuplicateEmail() {
        assertThrows(InvalidInputException.class,
                () -> accounts.createOrganization("Acme", "owner@example.test", "Olu", Secret.of("short")));
        accounts.createOrganization("Acme", "owner@example.test", "Olu", PASSWORD);
        assertThrows(ConflictException.class,
                () -> accounts.createOrganization("Other", "OWNER@example.test", "Olu", PASSWORD));
    }

    @Test
    void storesOnlyBcryptHashOfPassword() {
        accounts.createOrganization("Acme", "owner@example.test", "Olu", PASSWORD);

        String stored = database.withConnection(connection -> {
            try (var rows = connection.createStatement().executeQuery("SELECT password_hash FROM users")) {
                rows.next();
                return rows.getString(1);
            }
        });

        assertTrue(stored.startsWith("$2a$12$"), stored);
    }
}
