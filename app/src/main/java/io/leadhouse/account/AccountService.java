package io.leadhouse.account;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.leadhouse.crypto.Secret;
import io.leadhouse.store.Database;
import io.leadhouse.support.ConflictException;
import io.leadhouse.support.EmailAddresses;
import io.leadhouse.support.InvalidInputException;
import io.leadhouse.support.UnauthorizedException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Organizations, their members and sign-in sessions. Session tokens are random, shown once, and
 * stored only as SHA-256 hashes. Thread-safe.
 */
public final class AccountService {
    private static final Logger LOG = LoggerFactory.getLogger(AccountService.class);
    /** Minimum password length; long passphrases beat composition rules. */
    public static final int MIN_PASSWORD_LENGTH = 10;
    private static final int MAX_PASSWORD_BYTES = 72;
    // A fixed hash to compare against when the email is unknown, so timing does not reveal which emails exist.
    private static final String DUMMY_HASH = "$2a$12$C6UzMDM.H6dfI/f/IKcEeO7hHEBwX9DPMz7YQiHAAhk8Ld7yuVJ3a";

    private final Database database;
    private final AccountSettings settings;
    private final Clock clock;
    private final AccountRepository repository = new AccountRepository();
    private final SecureRandom random = new SecureRandom();

    /** Creates the service. */
    public AccountService(Database database, AccountSettings settings, Clock clock) {
        this.database = database;
        this.settings = settings;
        this.clock = clock;
    }

    /** Whether at least one organization exists; until then only first-run setup is offered. */
    public boolean isSetUp() {
        return database.withConnection(repository::countOrganizations) > 0;
    }

    /**
     * Whether {@code orgId} is the organization that set this install up (the first one created).
     * Its Owners and Admins administer what the whole install shares, such as the Meta app.
     */
    public boolean isInstallOrganization(long orgId) {
        return database.withConnection(connection -> {
            try (var statement = connection.createStatement();
                    var rows = statement.executeQuery("SELECT MIN(id) FROM organizations")) {
                return rows.next() && rows.getLong(1) == orgId;
            }
        });
    }

    /**
     * Creates an organization and its Owner in one transaction.
     *
     * @return the new Owner
     * @throws InvalidInputException when a value is missing or malformed
     * @throws ConflictException when the email is already used
     */
    public User createOrganization(String orgName, String ownerEmail, String ownerName, Secret password) {
        String name = required(orgName, "organization name", 200);
        String email = normalizeEmail(ownerEmail);
        String fullName = ownerName == null || ownerName.isBlank()
                ? email.substring(0, email.indexOf('@'))
                : ownerName.strip();
        checkPassword(password);
        String hash = hash(password);
        Instant now = clock.instant();
        User owner = database.inTransaction(connection -> {
            if (repository.emailExists(connection, email)) {
                throw new ConflictException("a user with email " + email + " already exists; sign in instead");
            }
            long orgId = repository.insertOrganization(connection, name, now);
            long userId = repository.insertUser(connection, orgId, email, fullName, hash, Role.OWNER, now);
            return new User(userId, orgId, email, fullName, Role.OWNER);
        });
        LOG.info("org={} created with Owner user={}", owner.orgId(), owner.id());
        return owner;
    }

    /** Adds a member to an existing organization. */
    public User addUser(long orgId, String email, String fullName, Role role, Secret password) {
        String normalized = normalizeEmail(email);
        String name = required(fullName, "full name", 200);
        checkPassword(password);
        String hash = hash(password);
        Instant now = clock.instant();
        return database.inTransaction(connection -> {
            if (repository.emailExists(connection, normalized)) {
                throw new ConflictException("a user with email " + normalized + " already exists");
            }
            long id = repository.insertUser(connection, orgId, normalized, name, hash, role, now);
            return new User(id, orgId, normalized, name, role);
        });
    }

    /**
     * Checks the email and password and opens a session.
     *
     * @throws UnauthorizedException when either is wrong; the message does not say which
     */
    public SignedIn signIn(String email, Secret password) {
        String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        Optional<AccountRepository.Credentials> found =
                database.withConnection(connection -> repository.findCredentials(connection, normalized));
        byte[] given = password.reveal().getBytes(StandardCharsets.UTF_8);
        boolean matches = given.length <= MAX_PASSWORD_BYTES
                && BCrypt.verifyer().verify(given, found.map(AccountRepository.Credentials::passwordHash)
                        .orElse(DUMMY_HASH).getBytes(StandardCharsets.UTF_8)).verified;
        if (found.isEmpty() || !matches) {
            LOG.info("sign-in refused for email={}", normalized.replaceAll("[\\r\\n]", "_"));
            throw new UnauthorizedException("the email or password is wrong");
        }
        User user = found.get().user();
        Secret token = newToken();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(settings.sessionLifetime());
        database.withConnection(connection -> {
            repository.insertSession(connection, user, tokenHash(token), now, expiresAt);
            return null;
        });
        return new SignedIn(token, user, expiresAt);
    }

    /** The user whose unexpired session the token opens, if any. */
    public Optional<User> authenticate(Secret token) {
        if (token.isEmpty()) {
            return Optional.empty();
        }
        return database.withConnection(
                connection -> repository.findSessionUser(connection, tokenHash(token), clock.instant()));
    }

    /** Ends the session of this token; unknown tokens are ignored. */
    public void signOut(Secret token) {
        database.withConnection(connection -> {
            repository.deleteSession(connection, tokenHash(token));
            return null;
        });
    }

    /** Deletes expired sessions and returns how many. */
    public int purgeExpiredSessions() {
        return database.withConnection(connection -> repository.deleteExpiredSessions(connection, clock.instant()));
    }

    /** Checks the password policy and throws {@link InvalidInputException} with the rule it breaks. */
    public static void checkPassword(Secret password) {
        int bytes = password.reveal().getBytes(StandardCharsets.UTF_8).length;
        if (password.reveal().length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidInputException("the password is too short; use at least " + MIN_PASSWORD_LENGTH
                    + " characters");
        }
        if (bytes > MAX_PASSWORD_BYTES) {
            throw new InvalidInputException("the password is too long; use at most " + MAX_PASSWORD_BYTES + " bytes");
        }
    }

    private String hash(Secret password) {
        return BCrypt.withDefaults().hashToString(settings.bcryptCost(), password.reveal().toCharArray());
    }

    private Secret newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Secret.of(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    private static String tokenHash(Secret token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(token.reveal().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String normalizeEmail(String email) {
        String value = required(email, "email", 320).toLowerCase(Locale.ROOT);
        if (!EmailAddresses.isPlausible(value)) {
            throw new InvalidInputException("'" + value + "' is not an email address; use name@example.com");
        }
        return value;
    }

    private static String required(String value, String what, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("the " + what + " is missing");
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            throw new InvalidInputException("the " + what + " is longer than " + maxLength + " characters");
        }
        return stripped;
    }
}
