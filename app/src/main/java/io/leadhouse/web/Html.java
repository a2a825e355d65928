package io.leadhouse.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** Escaping for the page shells: every value that is not a constant of ours passes through here. */
final class Html {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Html() {}

    /** The text escaped for an HTML element body or a double-quoted attribute value. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /**
     * The map as JSON that is safe inside a {@code <script type="application/json">} data block:
     * {@code <}, {@code >} and {@code &} become JSON escapes, so no value can close the element.
     */
    static String jsonDataBlock(Map<String, String> values) {
        try {
            return JSON.writeValueAsString(values)
                    .replace("<", "\\u003c")
                    .replace(">", "\\u003e")
                    .replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serializes", e);
        }
    }
}
