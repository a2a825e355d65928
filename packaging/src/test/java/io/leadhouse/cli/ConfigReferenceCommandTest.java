package io.leadhouse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.leadhouse.config.Setting;
import io.leadhouse.config.Settings;
import io.leadhouse.config.SettingsLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigReferenceCommandTest {

    @Test
    void committedConfigFileIsWhatConfigReferencePrints() throws IOException {
        Path committed = Path.of(System.getProperty("leadhouse.root", ".."), "config.yml");

        CliRun run = CliRun.run(Map.of(), "config-reference");

        assertEquals(run.out(), Files.readString(committed, StandardCharsets.UTF_8),
                "config.yml is stale: regenerate it with `java -jar packaging/target/leadhouse.jar config-reference"
                        + " > config.yml`");
    }

    @Test
    void printedReferenceLoadsBackToEveryDefault(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(
                dir.resolve("config.yml"), CliRun.run(Map.of(), "config-reference").out(), StandardCharsets.UTF_8);

        Settings loaded = new SettingsLoader(LeadhouseCommand.SETTINGS).load(file, Map.of(), Map.of());

        for (Setting setting : LeadhouseCommand.SETTINGS) {
            assertEquals(setting.defaultValue(), loaded.text(setting), setting.key());
        }
    }
}
