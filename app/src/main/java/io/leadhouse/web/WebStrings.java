package io.leadhouse.web;

import io.leadhouse.support.LeadhouseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The web UI's text in one language, read from {@code web/strings/<language>.properties}. The page
 * shells use it on the server and embed it for the browser scripts, so every sentence the UI shows
 * lives in that one file, ready for translation. Immutable and thread-safe.
 */
final class WebStrings {
    private final Map<String, String> texts;

    private WebStrings(Map<String, String> texts) {
        this.texts = Map.copyOf(texts);
    }

    /** Reads the strings of {@code language} from the classpath. */
    static WebStrings load(String language) {
        String resource = "web/strings/" + language + ".properties";
        try (InputStream in = WebStrings.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new LeadhouseException(resource + " is missing from the classpath; rebuild Leadhouse");
            }
            Properties properties = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            Map<String, String> texts = new TreeMap<>();
            properties.forEach((key, value) -> texts.put(key.toString(), value.toString()));
            return new WebStrings(texts);
        } catch (IOException e) {
            throw new LeadhouseException("could not read " + resource + "; rebuild Leadhouse", e);
        }
    }

    /** The text of {@code key}; the key itself when it is missing, so a gap shows instead of breaking the page. */
    String get(String key) {
        return texts.getOrDefault(key, key);
    }

    /** The text of {@code key} with each {@code {name}} replaced by its value. */
    String format(String key, Map<String, String> values) {
        String text = get(key);
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("{" + value.getKey() + "}", value.getValue());
        }
        return text;
    }

    /** Every string, for the browser scripts. */
    Map<String, String> all() {
        return new TreeMap<>(texts);
    }
}
