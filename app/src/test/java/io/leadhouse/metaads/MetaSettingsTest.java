package io.leadhouse.metaads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.leadhouse.Leadhouse;
import io.leadhouse.config.InvalidConfigException;
import io.leadhouse.config.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetaSettingsTest {

    @Test
    void defaultsPointAtMetasGraphApiWithoutCredentials() {
        MetaSettings settings = MetaSettings.from(Settings.of(Leadhouse.SETTINGS, Map.of()));
        assertEquals(java.util.List.of("https://graph.facebook.com", "v23.0", false),
                java.util.List.of(settings.graphUrl(), settings.graphVersion(), settings.credentials().isPresent()));
    }

    @Test
    void refusesAnAppSecretWithoutAVerifyToken() {
        InvalidConfigException error = assertThrows(InvalidConfigException.class, () -> MetaSettings.from(
                Settings.of(Leadhouse.SETTINGS, Map.of("meta.app-secret", "abc"))));
        assertEquals("only one of meta.app-secret and meta.verify-token is set; set both (LEADHOUSE_META_APP_SECRET,"
                + " LEADHOUSE_META_VERIFY_TOKEN) or neither", error.getMessage());
    }

    @Test
    void refusesAGraphVersionWithoutTheLeadingV() {
        InvalidConfigException error = assertThrows(InvalidConfigException.class, () -> MetaSettings.from(
                Settings.of(Leadhouse.SETTINGS, Map.of("meta.graph-version", "23.0"))));
        assertEquals("meta.graph-version is '23.0'; use a version such as v23.0", error.getMessage());
    }
}
