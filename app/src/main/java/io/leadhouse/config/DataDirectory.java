package io.leadhouse.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The data directory and its fixed layout: {@code db/}, {@code index/}, {@code files/},
 * {@code keys/}, {@code backups/}, {@code logs/}.
 *
 * @param root the data directory, absolute
 */
public record DataDirectory(Path root) {
    /** {@code data.dir}. */
    public static final Setting DIR = Setting.path("data.dir", "data",
            "Directory for the database, index, files and keys.");

    /** Every setting this feature declares. */
    public static final List<Setting> DECLARED = List.of(DIR);

    /** The data directory named by the settings; nothing is created yet. */
    public static DataDirectory from(Settings settings) {
        return new DataDirectory(settings.path(DIR));
    }

    /**
     * Creates the directory and its sub-directories when absent and checks that Leadhouse may write there.
     *
     * @throws InvalidConfigException naming {@code data.dir} when it cannot be created or written
     */
    public DataDirectory prepare() {
        try {
            for (Path directory : List.of(root, db().getParent(), index(), files(), keys(), backups(), logs())) {
                Files.createDirectories(directory);
            }
            Path probe = Files.createTempFile(root, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new InvalidConfigException("data.dir: " + root + " is not writable (" + e.getClass().getSimpleName()
                    + "); give Leadhouse's user write access or choose another directory with --data-dir");
        }
        return this;
    }

    /** The Derby database directory. */
    public Path db() {
        return root.resolve("db").resolve("leadhouse");
    }

    /** The Lucene index directory. */
    public Path index() {
        return root.resolve("index");
    }

    /** Encrypted documents, media and recordings. */
    public Path files() {
        return root.resolve("files");
    }

    /** The master key and the keyset. */
    public Path keys() {
        return root.resolve("keys");
    }

    /** Online backups. */
    public Path backups() {
        return root.resolve("backups");
    }

    /** Log files, Derby's included. */
    public Path logs() {
        return root.resolve("logs");
    }
}
