package io.leadhouse.config;

import java.util.Objects;

/**
 * The declaration of one setting: its dotted key, type, default, allowed range and one-line
 * description. Each feature declares its own settings once, in its {@code XxxSettings} class.
 *
 * @param key dotted kebab-case key as written in config.yml, e.g. {@code server.port}
 * @param type the kind of value
 * @param defaultValue the value used when neither option, environment nor file sets it; empty
 *     string for "not set"
 * @param min smallest allowed value (numbers only)
 * @param max largest allowed value (numbers only)
 * @param secret whether the value must be masked in dumps and never logged
 * @param description one line for the config.yml reference
 */
public record Setting(String key, Type type, String defaultValue, long min, long max, boolean secret,
        String description) {

    /** The kinds of value a setting can hold. */
    public enum Type {
        TEXT,
        INTEGER,
        BOOLEAN,
        PATH
    }

    /** Validates the declaration itself. */
    public Setting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(description, "description");
    }

    /** A free text setting. */
    public static Setting text(String key, String defaultValue, String description) {
        return new Setting(key, Type.TEXT, defaultValue, 0, 0, false, description);
    }

    /** A secret text setting: masked in dumps, never logged; empty by default. */
    public static Setting secret(String key, String description) {
        return new Setting(key, Type.TEXT, "", 0, 0, true, description);
    }

    /** A whole number within {@code [min, max]}. */
    public static Setting integer(String key, long defaultValue, long min, long max, String description) {
        return new Setting(key, Type.INTEGER, Long.toString(defaultValue), min, max, false, description);
    }

    /** A true/false setting. */
    public static Setting bool(String key, boolean defaultValue, String description) {
        return new Setting(key, Type.BOOLEAN, Boolean.toString(defaultValue), 0, 0, false, description);
    }

    /** A file system path; relative paths resolve against the working directory. */
    public static Setting path(String key, String defaultValue, String description) {
        return new Setting(key, Type.PATH, defaultValue, 0, 0, false, description);
    }

    /** The environment variable that overrides this setting: {@code server.port} is {@code LEADHOUSE_SERVER_PORT}. */
    public String environmentVariable() {
        return "LEADHOUSE_" + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
