package io.leadhouse.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.leadhouse.support.InvalidInputException;
import io.leadhouse.support.StorageFailureException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyringTest {
    private static final CryptoSettings DEFAULTS = new CryptoSettings(Optional.empty(), "");

    @TempDir
    Path keys;

    @Test
    void createsMasterKeyReadableOnlyByOwner() throws Exception {
        Keyring.open(keys, DEFAULTS);

        assertEquals("rw-------", permissions(keys.resolve("master.key")));
        assertEquals("rw-------", permissions(keys.resolve("keyset.json")));
    }

    @Test
    void keysetOnDiskIsEncryptedAndReopensToTheSameKey() throws Exception {
        byte[] sealed = Keyring.open(keys, DEFAULTS)
                .seal(Secret.of("EAAB-page-token"), "lead_sources", "access_token", 7);

        String keyset = Files.readString(keys.resolve("keyset.json"), StandardCharsets.UTF_8);
        assertFalse(keyset.contains("\"value\""), "the keyset must be stored encrypted, not as plain key material");
        assertEquals("EAAB-page-token",
                Keyring.open(keys, DEFAULTS).open(sealed, "lead_sources", "access_token", 7).reveal());
    }

    @Test
    void ciphertextMovedToAnotherRowDoesNotDecrypt() {
        SecretBox box = Keyring.open(keys, DEFAULTS);
        byte[] sealed = box.seal(Secret.of("EAAB-page-token"), "lead_sources", "access_token", 7);

        assertThrows(StorageFailureException.class, () -> box.open(sealed, "lead_sources", "access_token", 8));
        assertThrows(StorageFailureException.class, () -> box.open(sealed, "meta_app", "access_token", 7));
    }

    @Test
    void wrongMasterKeyIsRefusedWithAClearMessage() {
        Keyring.open(keys, DEFAULTS);
        String other = Base64.getEncoder().encodeToString(new byte[32]);

        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> Keyring.open(keys, new CryptoSettings(Optional.of(Secret.of(other)), "")));
        assertEquals(true, refused.getMessage().contains("cannot be opened with this master key"),
                refused.getMessage());
    }

    @Test
    void masterKeyOfWrongLengthIsRefused() {
        String tooShort = Base64.getEncoder().encodeToString(new byte[16]);

        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> Keyring.open(keys, new CryptoSettings(Optional.of(Secret.of(tooShort)), "")));
        assertEquals("security.master-key: the master key has 16 bytes; give 32 random bytes in base64",
                refused.getMessage());
    }

    @Test
    void secretPrintsMaskNeverValue() {
        assertEquals("****", Secret.of("EAAB-page-token").toString());
    }

    private static String permissions(java.nio.file.Path file) throws java.io.IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }
}
