package io.leadhouse.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.DuplicateKeyException;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads settings with this precedence: command-line option, then environment variable, then
 * config.yml, then the declared default. Every value is checked against its declaration; the
 * first problem stops loading with an {@link InvalidConfigException} naming the key.
 */
public final class SettingsLoader {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsLoader.class);
    private final Map<String, Setting> declared = new LinkedHashMap<>();

    /** Creates a loader for the given declarations. */
    public SettingsLoader(List<Setting> declarations) {
        declarations.forEach(setting -> {
            if (declared.put(setting.key(), setting) != null) {
                throw new IllegalArgumentException("setting " + setting.key() + " is declared twice");
            }
        });
    }

    /**
     * Loads and validates the settings.
     *
     * @param configFile the YAML file, or null when there is none
     * @param environment environment variables (only {@code LEADHOUSE_*} names that match a key count)
     * @param options values from command-line options, by key
     */
    public Settings load(Path configFile, Map<String, String> environment, Map<String, String> options) {
        Map<String, String> values = new HashMap<>();
        declared.values().forEach(setting -> values.put(setting.key(), setting.defaultValue()));
        if (configFile != null) {
            readFile(configFile).forEach((key, value) -> values.put(key, check(key, value, configFile.toString())));
        }
        declared.values().forEach(setting -> {
            String value = environment.get(setting.environmentVariable());
            if (value != null) {
                values.put(setting.key(), check(setting.key(), value, "environment " + setting.environmentVariable()));
            }
        });
        warnAboutUnknownVariables(environment);
        options.forEach((key, value) -> values.put(key, check(key, value, "command line")));
        return new Settings(List.copyOf(declared.values()), values);
    }

    private void warnAboutUnknownVariables(Map<String, String> environment) {
        java.util.Set<String> known = new java.util.HashSet<>();
        declared.values().forEach(setting -> known.add(setting.environmentVariable()));
        environment.keySet().stream()
                .filter(name -> name.startsWith("LEADHOUSE_") && !known.contains(name))
                .sorted()
                .forEach(name -> LOG.warn("environment variable {} names no Leadhouse setting and is ignored;"
                        + " see config.yml for the names", name.replaceAll("[^A-Za-z0-9_]", "_")));
    }

    private Map<String, String> readFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidConfigException(file + ": no such config file; pass --config with an existing file");
        }
        Object root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            LoaderOptions options = new LoaderOptions();
            // A key given twice is a mistake to report, not a silent "last one wins".
            options.setAllowDuplicateKeys(false);
            root = new Yaml(new SafeConstructor(options)).load(reader);
        } catch (IOException e) {
            throw new InvalidConfigException(file + ": cannot be read (" + e.getMessage() + ")");
        } catch (DuplicateKeyException e) {
            int line = e.getProblemMark().getLine() + 1;
            throw new InvalidConfigException(
                    file + ": " + e.getProblem() + " (line " + line + "); give each setting once");
        } catch (YAMLException e) {
            String where = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            throw new InvalidConfigException(file + ": is not valid YAML (" + where + "); fix the syntax");
        }
        Map<String, String> flat = new LinkedHashMap<>();
        if (root == null) {
            return flat;
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new InvalidConfigException(file + ": must be a mapping of settings, like 'server:\\n  port: 8080'");
        }
        flatten("", map, flat, file);
        return flat;
    }

    private void flatten(String prefix, Map<?, ?> map, Map<String, String> flat, Path file) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = prefix + entry.getKey();
            Object value = entry.getValue();
            if (value instanceof Map<?, ?> nested && !declared.containsKey(key)) {
                flatten(key + ".", nested, flat, file);
            } else if (value instanceof Map<?, ?> || value instanceof List<?>) {
                throw new InvalidConfigException(file + ": " + key + " must be a single value, not a list or mapping");
            } else {
                flat.put(key, value == null ? "" : value.toString());
            }
        }
    }

    private String check(String key, String raw, String source) {
        Setting setting = declared.get(key);
        if (setting == null) {
            throw new InvalidConfigException(source + ": unknown setting " + key + nearest(key)
                    + "; see config.yml for the settings Leadhouse knows");
        }
        String value = raw.strip();
        return switch (setting.type()) {
            case TEXT, PATH -> setting.secret() ? raw : value;
            case BOOLEAN -> checkBoolean(setting, value, source);
            case INTEGER -> checkInteger(setting, value, source);
        };
    }

    private static String checkBoolean(Setting setting, String value, String source) {
        if (!value.equals("true") && !value.equals("false")) {
            throw new InvalidConfigException(source + ": " + setting.key() + " is '" + value + "'; use true or false");
        }
        return value;
    }

    private static String checkInteger(Setting setting, String value, String source) {
        long number;
        try {
            number = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidConfigException(source + ": " + setting.key() + " is '" + value + "'; use a whole number "
                    + setting.min() + "-" + setting.max());
        }
        if (number < setting.min() || number > setting.max()) {
            throw new InvalidConfigException(source + ": " + setting.key() + " is " + number + "; use "
                    + setting.min() + "-" + setting.max());
        }
        return Long.toString(number);
    }

    private String nearest(String key) {
        String leaf = key.substring(key.lastIndexOf('.') + 1);
        return declared.keySet().stream()
                .filter(candidate -> candidate.endsWith("." + leaf) || candidate.equals(leaf))
                .findFirst()
                .map(candidate -> " (did you mean " + candidate + "?)")
                .orElse("");
    }
}
