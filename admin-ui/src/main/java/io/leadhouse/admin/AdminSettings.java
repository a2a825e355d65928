package io.leadhouse.admin;

import io.leadhouse.config.Setting;
import io.leadhouse.config.Settings;
import java.util.List;

/**
 * Settings of the admin console.
 *
 * @param host address the console listens on; loopback by default so only the server itself reaches it
 * @param port TCP port; 0 picks a free one (tests)
 */
public record AdminSettings(String host, int port) {
    /** {@code admin.host}. */
    public static final Setting HOST = Setting.text(
            "admin.host", "127.0.0.1", "Address of the admin console; keep it on loopback unless a proxy guards it.");
    /** {@code admin.port}. */
    public static final Setting PORT = Setting.integer("admin.port", 8081, 0, 65535, "Port of the admin console.");

    /** Every setting this feature declares. */
    public static final List<Setting> DECLARED = List.of(HOST, PORT);

    /** Reads the typed values. */
    public static AdminSettings from(Settings settings) {
        return new AdminSettings(settings.text(HOST), settings.integer(PORT));
    }
}
