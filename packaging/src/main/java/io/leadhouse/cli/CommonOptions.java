package io.leadhouse.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options every command that reads settings shares: which config.yml, and the data directory.
 * Given before the command name ({@code leadhouse --data-dir x serve}) they apply too, unless the
 * command repeats them.
 */
final class CommonOptions {
    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Settings file to read; default: ./config.yml when it exists, else none.")
    private Path config;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Data directory for the database, index, files and keys (data.dir).")
    private String dataDir;

    /** The config file given here, else the one given in {@code outer}. */
    Optional<Path> config(CommonOptions outer) {
        return Optional.ofNullable(config).or(() -> Optional.ofNullable(outer.config));
    }

    /** The data directory given here, else the one given in {@code outer}. */
    Optional<String> dataDir(CommonOptions outer) {
        return Optional.ofNullable(dataDir).or(() -> Optional.ofNullable(outer.dataDir));
    }
}
