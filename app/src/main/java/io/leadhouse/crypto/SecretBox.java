package io.leadhouse.crypto;

import com.google.crypto.tink.Aead;
import io.leadhouse.support.StorageFailureException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * Encrypts secrets for storage. Each ciphertext is bound to the table, column and row it is stored
 * in (AEAD associated data), so a ciphertext copied to another row does not decrypt. Thread-safe.
 */
public final class SecretBox {
    private final Aead aead;

    SecretBox(Aead aead) {
        this.aead = aead;
    }

    /** Encrypts the secret for {@code table.column} of the row with {@code rowId}. */
    public byte[] seal(Secret secret, String table, String column, long rowId) {
        try {
            return aead.encrypt(secret.reveal().getBytes(StandardCharsets.UTF_8), context(table, column, rowId));
        } catch (GeneralSecurityException e) {
            throw new StorageFailureException("cannot encrypt " + table + "." + column, e);
        }
    }

    /** Decrypts what {@link #seal} stored in {@code table.column} of the row with {@code rowId}. */
    public Secret open(byte[] ciphertext, String table, String column, long rowId) {
        try {
            return Secret.of(new String(aead.decrypt(ciphertext, context(table, column, rowId)),
                    StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new StorageFailureException("the secret in " + table + "." + column + " of row " + rowId
                    + " does not decrypt; it was stored under another key or moved from another row", e);
        }
    }

    private static byte[] context(String table, String column, long rowId) {
        return (table + "/" + column + "/" + rowId).getBytes(StandardCharsets.UTF_8);
    }
}
