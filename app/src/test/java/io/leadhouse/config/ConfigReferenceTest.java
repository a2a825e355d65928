package io.leadhouse.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.leadhouse.Leadhouse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigReferenceTest {

    @Test
    void committedConfigFileIsTheGeneratedReference() throws Exception {
        Path committed = Path.of(System.getProperty("leadhouse.root", ".."), "config.yml");
        assertEquals(ConfigReference.render(Leadhouse.SETTINGS), Files.readString(committed, StandardCharsets.UTF_8),
                "config.yml is stale: regenerate it with `java -jar leadhouse.jar config-reference > config.yml`");
    }

    @Test
    void generatedReferenceLoadsBackToTheDefaults(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("config.yml");
        Files.writeString(file, ConfigReference.render(Leadhouse.SETTINGS), StandardCharsets.UTF_8);
        Settings loaded = new SettingsLoader(Leadhouse.SETTINGS).load(file, Map.of(), Map.of());
        for (Setting setting : Leadhouse.SETTINGS) {
            assertEquals(setting.defaultValue(), loaded.text(setting), setting.key());
        }
    }
}
