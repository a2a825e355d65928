package io.leadhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.leadhouse.config.InvalidConfigException;
import io.leadhouse.config.Settings;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A wrong setting stops start-up with a message naming it, before anything is created on disk. */
class LeadhouseStartTest {
    @TempDir
    Path dir;

    @Test
    void malformedMasterKeyStopsStartBeforeCreatingTheDataDirectory() {
        InvalidConfigException refused = assertThrows(InvalidConfigException.class,
                () -> start(Map.of("security.master-key", "notbase64!!")));

        assertEquals("security.master-key: the master key is not base64; give 32 random bytes in base64",
                refused.getMessage());
        assertEquals(false, Files.exists(dataDir()));
    }

    @Test
    void unknownPhoneRegionStopsStartBeforeCreatingTheDataDirectory() {
        assertThrows(InvalidConfigException.class, () -> start(Map.of("phone.default-region", "XX")));

        assertEquals(false, Files.exists(dataDir()));
    }

    @Test
    void shortUnattendedSetupPasswordStopsStartBeforeCreatingTheDataDirectory() {
        InvalidConfigException refused = assertThrows(InvalidConfigException.class, () -> start(Map.of(
                "setup.org", "Acme", "setup.owner-email", "owner@acme.example", "setup.owner-password", "short")));

        assertEquals(true, refused.getMessage().startsWith("setup.owner-password: "), refused.getMessage());
        assertEquals(false, Files.exists(dataDir()));
    }

    @Test
    void portInUseStopsStartBeforeCreatingTheDataDirectory() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));

            InvalidConfigException refused = assertThrows(InvalidConfigException.class,
                    () -> start(Map.of("server.port", Integer.toString(taken.getLocalPort()))));

            assertEquals(true, refused.getMessage().startsWith("server.port: " + taken.getLocalPort()),
                    refused.getMessage());
        }
        assertEquals(false, Files.exists(dataDir()));
    }

    private Path dataDir() {
        return dir.resolve("data");
    }

    private void start(Map<String, String> extra) {
        Map<String, String> values = new HashMap<>();
        values.put("data.dir", dataDir().toString());
        values.put("server.host", "127.0.0.1");
        values.put("server.port", "0");
        values.putAll(extra);
        Leadhouse.start(Settings.of(Leadhouse.SETTINGS, values), Clock.systemUTC()).close();
    }
}
