package io.leadhouse.testing;

import io.leadhouse.Leadhouse;
import io.leadhouse.config.Settings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Starts Leadhouse in its own JVM for tests that must kill a real process: every argument is a
 * {@code key=value} setting, except {@code ready-file=path}, where the port is written once the
 * server answers. Blocks until the process is stopped or killed.
 */
public final class ServeMain {
    private static final String READY_FILE = "ready-file";

    private ServeMain() {}

    /** Starts the server from {@code key=value} arguments and blocks. */
    public static void main(String[] args) throws Exception {
        Map<String, String> values = new HashMap<>();
        Path readyFile = null;
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("expected key=value, got " + arg);
            }
            String key = arg.substring(0, equals);
            String value = arg.substring(equals + 1);
            if (READY_FILE.equals(key)) {
                readyFile = Path.of(value);
            } else {
                values.put(key, value);
            }
        }
        Leadhouse app = Leadhouse.start(Settings.of(Leadhouse.SETTINGS, values), Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "serve-main-shutdown"));
        if (readyFile != null) {
            Path partial = readyFile.resolveSibling(readyFile.getFileName() + ".partial");
            Files.writeString(partial, Integer.toString(app.port()), StandardCharsets.UTF_8);
            Files.move(partial, readyFile, StandardCopyOption.ATOMIC_MOVE);
        }
        new CountDownLatch(1).await();
    }
}
