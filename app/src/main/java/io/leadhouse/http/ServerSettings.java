package io.leadhouse.http;

import io.leadhouse.config.Setting;
import io.leadhouse.config.Settings;
import java.util.List;

/**
 * Settings of the API and web UI server.
 *
 * @param host address to listen on
 * @param port TCP port; 0 picks a free one (tests)
 * @param publicUrl the URL people use to reach this server, for links and log lines; empty means
 *     {@code http://<host>:<port>}
 */
public record ServerSettings(String host, int port, String publicUrl) {
    /** {@code server.host}. */
    public static final Setting HOST = Setting.text("server.host", "0.0.0.0", "Address the API and web UI listen on.");
    /** {@code server.port}. */
    public static final Setting PORT = Setting.integer("server.port", 8080, 0, 65535, "Port of the API and web UI.");
    /** {@code server.public-url}. */
    public static final Setting PUBLIC_URL = Setting.text(
            "server.public-url", "", "URL people and Meta use to reach this server; empty means http://host:port.");

    /** Every setting this feature declares. */
    public static final List<Setting> DECLARED = List.of(HOST, PORT, PUBLIC_URL);

    /** Reads the typed values. */
    public static ServerSettings from(Settings settings) {
        return new ServerSettings(settings.text(HOST), settings.integer(PORT), settings.text(PUBLIC_URL));
    }
}
