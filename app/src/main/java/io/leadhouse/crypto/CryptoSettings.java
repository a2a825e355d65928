package io.leadhouse.crypto;

import io.leadhouse.config.Setting;
import io.leadhouse.config.Settings;
import java.util.List;
import java.util.Optional;

/**
 * Where the master key comes from. The master key encrypts the Tink keyset in {@code data/keys};
 * the keyset encrypts every stored secret.
 *
 * @param masterKey the base64 master key given in the environment, if any
 * @param masterKeyFile the file holding the master key; empty means {@code <data dir>/keys/master.key}
 */
public record CryptoSettings(Optional<Secret> masterKey, String masterKeyFile) {
    /** {@code security.master-key}. */
    public static final Setting MASTER_KEY = Setting.secret(
            "security.master-key", "Base64 of the 32-byte master key; prefer the environment over this file.");
    /** {@code security.master-key-file}. */
    public static final Setting MASTER_KEY_FILE = Setting.text(
            "security.master-key-file", "", "File holding the master key; empty means <data dir>/keys/master.key.");

    /** Every setting this feature declares. */
    public static final List<Setting> DECLARED = List.of(MASTER_KEY, MASTER_KEY_FILE);

    /** Reads the typed values. */
    public static CryptoSettings from(Settings settings) {
        String key = settings.text(MASTER_KEY);
        if (!key.isBlank()) {
            // Checked here, with the other settings, so a malformed key stops start-up before anything is created.
            Keyring.decode(key.strip(), MASTER_KEY.key());
        }
        return new CryptoSettings(
                key.isBlank() ? Optional.empty() : Optional.of(Secret.of(key.strip())), settings.text(MASTER_KEY_FILE));
    }
}
