package io.leadhouse.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The validated values of every declared setting, after option, environment, file and default were
 * merged. Immutable and safe to share between threads.
 */
public final class Settings {
    private final Map<String, Setting> declared;
    private final Map<String, String> values;

    Settings(List<Setting> declared, Map<String, String> values) {
        Map<String, Setting> byKey = new LinkedHashMap<>();
        declared.forEach(setting -> byKey.put(setting.key(), setting));
        this.declared = Collections.unmodifiableMap(byKey);
        this.values = Map.copyOf(values);
    }

    /** Settings holding every default, with the given values on top; for tests and tools. */
    public static Settings of(List<Setting> declared, Map<String, String> values) {
        return new SettingsLoader(declared).load(null, Map.of(), values);
    }

    /** The text value, empty when not set. */
    public String text(Setting setting) {
        return values.get(known(setting).key());
    }

    /** The integer value. */
    public int integer(Setting setting) {
        return Math.toIntExact(Long.parseLong(text(setting)));
    }

    /** The long value. */
    public long number(Setting setting) {
        return Long.parseLong(text(setting));
    }

    /** The boolean value. */
    public boolean bool(Setting setting) {
        return Boolean.parseBoolean(text(setting));
    }

    /** The path value, made absolute. */
    public Path path(Setting setting) {
        return Path.of(text(setting)).toAbsolutePath().normalize();
    }

    /** Every declared setting, in declaration order. */
    public List<Setting> declared() {
        return List.copyOf(declared.values());
    }

    /** A dump for operators: key and value, secrets shown as {@code ****} when set. */
    public Map<String, String> masked() {
        Map<String, String> dump = new LinkedHashMap<>();
        declared.values().forEach(setting -> {
            String value = values.get(setting.key());
            dump.put(setting.key(), setting.secret() && !value.isEmpty() ? "****" : value);
        });
        return dump;
    }

    private Setting known(Setting setting) {
        if (!declared.containsKey(setting.key())) {
            throw new IllegalArgumentException("setting " + setting.key() + " was not declared");
        }
        return setting;
    }

    @Override
    public String toString() {
        return masked().toString();
    }
}
