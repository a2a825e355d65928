package io.leadhouse.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.leadhouse.Leadhouse;
import io.leadhouse.http.ServerSettings;
import io.leadhouse.lead.LeadSettings;
import io.leadhouse.testing.LogCapture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {
    private final SettingsLoader loader = new SettingsLoader(Leadhouse.SETTINGS);

    @TempDir
    Path dir;

    @Test
    void optionBeatsEnvironmentBeatsFileBeatsDefault() throws Exception {
        Path file = write("server:\n  port: 9001\n  host: 10.0.0.1\ndata:\n  dir: /srv/leadhouse\n");
        Map<String, String> environment = Map.of("LEADHOUSE_SERVER_PORT", "9002", "LEADHOUSE_SERVER_HOST", "10.0.0.2");

        Settings settings = loader.load(file, environment, Map.of("server.port", "9003"));

        assertEquals(List.of("9003", "10.0.0.2", "/srv/leadhouse", "IN"), List.of(settings.text(ServerSettings.PORT),
                settings.text(ServerSettings.HOST), settings.text(DataDirectory.DIR),
                settings.text(LeadSettings.DEFAULT_REGION)));
    }

    @Test
    void keyGivenTwiceInTheFileIsRefusedWithItsLine() throws Exception {
        Path file = write("server:\n  port: 9001\nserver:\n  port: 9002\n");

        InvalidConfigException refused = assertThrows(InvalidConfigException.class,
                () -> loader.load(file, Map.of(), Map.of()));

        assertEquals(file + ": found duplicate key server (line 3); give each setting once", refused.getMessage());
    }

    @Test
    void misspelledEnvironmentVariableIsNamedInAWarning() {
        try (LogCapture log = LogCapture.begin()) {
            loader.load(null, Map.of("LEADHOUSE_SERVER_PORTT", "9000", "HOME", "/root"), Map.of());

            assertEquals(1, log.linesContaining("LEADHOUSE_SERVER_PORTT names no Leadhouse setting").size());
            assertEquals(0, log.linesContaining("HOME").size());
        }
    }

    @Test
    void secretValuesAreMaskedInTheDump() {
        Settings settings = loader.load(null, Map.of("LEADHOUSE_META_APP_SECRET", "s3cret-app"), Map.of());

        assertEquals("****", settings.masked().get("meta.app-secret"));
        assertEquals(false, settings.toString().contains("s3cret-app"));
    }

    private Path write(String yaml) throws Exception {
        Path file = dir.resolve("config.yml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }
}
