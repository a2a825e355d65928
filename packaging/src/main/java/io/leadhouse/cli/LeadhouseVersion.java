package io.leadhouse.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version Maven wrote into {@code version.properties} at build time; answers {@code --version}. */
final class LeadhouseVersion implements IVersionProvider {
    private static final String UNKNOWN = "unknown";

    /** The running version, such as {@code 0.1.0}; {@code unknown} when the resource is missing. */
    static String current() {
        try (InputStream in = LeadhouseVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", UNKNOWN);
            // An unfiltered copy (an IDE build) still holds the Maven placeholder.
            return version.startsWith("${") ? UNKNOWN : version;
        } catch (IOException e) {
            return UNKNOWN;
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"leadhouse " + current()};
    }
}
