package io.leadhouse.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.subtle.AesGcmJce;
import io.leadhouse.config.InvalidConfigException;
import io.leadhouse.support.InvalidInputException;
import io.leadhouse.support.StorageFailureException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Tink AEAD keyset in {@code data/keys/keyset.json}, itself encrypted under the master key.
 * Creates both on first use. The resulting {@link SecretBox} is what features use.
 */
public final class Keyring {
    private static final Logger LOG = LoggerFactory.getLogger(Keyring.class);
    private static final byte[] KEYSET_CONTEXT = "leadhouse keyset".getBytes(StandardCharsets.UTF_8);
    private static final int MASTER_KEY_BYTES = 32;

    private Keyring() {}

    /**
     * Opens the keyset under {@code keysDirectory}, creating the master key file (mode 0600) and the
     * keyset when they do not exist yet.
     */
    public static SecretBox open(Path keysDirectory, CryptoSettings settings) {
        try {
            AeadConfig.register();
            Files.createDirectories(keysDirectory);
            Aead master = new AesGcmJce(masterKey(keysDirectory, settings));
            Path keysetFile = keysDirectory.resolve("keyset.json");
            KeysetHandle keyset;
            if (Files.exists(keysetFile)) {
                keyset = TinkJsonProtoKeysetFormat.parseEncryptedKeyset(
                        Files.readString(keysetFile, StandardCharsets.UTF_8), master, KEYSET_CONTEXT);
            } else {
                keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
                String json = TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(keyset, master, KEYSET_CONTEXT);
                writePrivate(keysetFile, json);
                LOG.info("created encryption keyset {}", keysetFile);
            }
            return new SecretBox(keyset.getPrimitive(RegistryConfiguration.get(), Aead.class));
        } catch (GeneralSecurityException e) {
            throw new InvalidInputException("the encryption keyset in " + keysDirectory
                    + " cannot be opened with this master key; give the master key it was created with", e);
        } catch (IOException e) {
            throw new StorageFailureException("cannot read or write keys in " + keysDirectory + ": "
                    + e.getMessage(), e);
        }
    }

    private static byte[] masterKey(Path keysDirectory, CryptoSettings settings) throws IOException {
        if (settings.masterKey().isPresent()) {
            return decode(settings.masterKey().get().reveal(), "security.master-key");
        }
        Path file = settings.masterKeyFile().isBlank()
                ? keysDirectory.resolve("master.key")
                : Path.of(settings.masterKeyFile());
        if (!Files.exists(file)) {
            byte[] key = new byte[MASTER_KEY_BYTES];
            new SecureRandom().nextBytes(key);
            writePrivate(file, Base64.getEncoder().encodeToString(key) + "\n");
            LOG.info("created master key {}; back it up apart from the data directory", file);
            return key;
        }
        return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
    }

    static byte[] decode(String base64, String where) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(where + ": the master key is not base64; give 32 random bytes in base64");
        }
        if (key.length != MASTER_KEY_BYTES) {
            throw new InvalidConfigException(where + ": the master key has " + key.length
                    + " bytes; give 32 random bytes in base64");
        }
        return key;
    }

    private static void writePrivate(Path file, String content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            throw new StorageFailureException(file + " appeared while Leadhouse was creating it; start again", e);
        }
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
