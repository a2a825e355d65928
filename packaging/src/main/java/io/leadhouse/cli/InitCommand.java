package io.leadhouse.cli;

import io.leadhouse.account.AccountService;
import io.leadhouse.account.AccountSettings;
import io.leadhouse.account.User;
import io.leadhouse.config.DataDirectory;
import io.leadhouse.config.Settings;
import io.leadhouse.crypto.CryptoSettings;
import io.leadhouse.crypto.Keyring;
import io.leadhouse.crypto.Secret;
import io.leadhouse.store.Database;
import io.leadhouse.store.DatabaseSettings;
import io.leadhouse.support.ConflictException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code leadhouse init}: prepares an installation without serving it. Creates the data directory,
 * the master key and the encryption keyset, applies the database migrations and, when asked, creates
 * the first organization and its Owner. Running it again keeps what exists.
 */
@Command(
        name = "init",
        description = "Prepares the data directory, encryption keys and database; optionally the first organization.",
        mixinStandardHelpOptions = true,
        versionProvider = LeadhouseVersion.class,
        footerHeading = "%nExample:%n",
        footer = {
            "  leadhouse init --data-dir /var/lib/leadhouse --org Acme \\",
            "      --owner-email owner@acme.example \\",
            "      --owner-password-file /run/secrets/owner-password"
        })
final class InitCommand implements Callable<Integer> {
    @Mixin
    private CommonOptions common;

    @ParentCommand
    private LeadhouseCommand parent;

    @Spec
    private CommandSpec spec;

    @ArgGroup(exclusive = false, heading = "%nFirst organization (give all three):%n")
    private FirstOrganization first;

    @Option(
            names = "--owner-name",
            paramLabel = "NAME",
            description = "The Owner's full name; default: the part of the email before @.")
    private String ownerName;

    /** The options that create the first organization; picocli requires all three together. */
    static final class FirstOrganization {
        @Option(names = "--org", required = true, paramLabel = "NAME", description = "Name of the organization.")
        private String org;

        @Option(names = "--owner-email", required = true, paramLabel = "EMAIL", description = "The Owner's email.")
        private String ownerEmail;

        @Option(
                names = "--owner-password-file",
                required = true,
                paramLabel = "FILE",
                description = "File holding the Owner's password (at least 10 characters; a final newline is ignored).")
        private Path ownerPasswordFile;
    }

    @Override
    public Integer call() {
        Optional<Secret> password = ownerPassword();
        Settings settings = parent.settings(common, Map.of());
        PrintWriter out = spec.commandLine().getOut();

        DataDirectory data = DataDirectory.from(settings).prepare();
        out.println("Data directory: " + data.root());
        createKeys(data, CryptoSettings.from(settings), out);
        try (Database database =
                Database.open(data.db(), data.logs().resolve("derby.log"), DatabaseSettings.from(settings))) {
            out.println("Database: " + data.db() + " (migrations applied)");
            out.flush();
            if (password.isPresent()) {
                createFirstOrganization(new AccountService(database, AccountSettings.from(settings), Clock.systemUTC()),
                        data, password.get(), out);
            }
        }
        out.flush();
        return ExitCode.OK;
    }

    // Read and checked before anything is created, so a bad file leaves no half-made installation.
    private Optional<Secret> ownerPassword() {
        if (first == null) {
            if (ownerName != null) {
                throw new ParameterException(
                        spec.commandLine(), "--owner-name needs --org, --owner-email and --owner-password-file");
            }
            return Optional.empty();
        }
        Path file = first.ownerPasswordFile;
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "--owner-password-file: " + file + " cannot be read ("
                    + e.getClass().getSimpleName() + "); give a readable file that holds the password");
        }
        // Files written by editors and `echo` end with a newline that is not part of the password.
        Secret password = Secret.of(content.replaceAll("[\\r\\n]+$", ""));
        AccountService.checkPassword(password);
        return Optional.of(password);
    }

    private static void createKeys(DataDirectory data, CryptoSettings crypto, PrintWriter out) {
        Path masterKeyFile = crypto.masterKeyFile().isBlank()
                ? data.keys().resolve("master.key")
                : Path.of(crypto.masterKeyFile()).toAbsolutePath();
        Path keysetFile = data.keys().resolve("keyset.json");
        boolean masterKeyExisted = Files.exists(masterKeyFile);
        boolean keysetExisted = Files.exists(keysetFile);
        Keyring.open(data.keys(), crypto);

        if (crypto.masterKey().isPresent()) {
            out.println("Master key: given by security.master-key (LEADHOUSE_SECURITY_MASTER_KEY)");
        } else if (masterKeyExisted) {
            out.println("Master key: kept " + masterKeyFile);
        } else {
            out.println("Master key: created " + masterKeyFile
                    + " (mode 0600); back it up apart from the data directory");
        }
        out.println("Encryption keyset: " + (keysetExisted ? "kept " : "created ") + keysetFile);
    }

    private void createFirstOrganization(
            AccountService accounts, DataDirectory data, Secret password, PrintWriter out) {
        if (accounts.isSetUp()) {
            throw new ConflictException("an organization already exists in " + data.root()
                    + "; init creates only the first one, so sign in as its Owner instead");
        }
        User owner = accounts.createOrganization(first.org, first.ownerEmail, ownerName, password);
        out.println("Organization: created '" + first.org.strip() + "' with Owner " + owner.email());
    }
}
