package io.leadhouse.metaads;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Optional;

/**
 * Reading Meta's JSON. Ids are kept as text: old webhook payloads send them as numbers larger than
 * 2^53, which a double would round, so integers are read as BigInteger and turned back into digits.
 * Thread-safe.
 */
final class MetaJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private MetaJson() {}

    /** The parsed document, or empty when {@code bytes} is not one complete JSON value. */
    static Optional<JsonNode> parse(byte[] bytes) {
        try {
            return Optional.ofNullable(MAPPER.readTree(bytes)).filter(node -> !node.isMissingNode());
        } catch (JsonProcessingException e) {
            return Optional.empty();
        } catch (IOException e) {
            // Reading from a byte array does no I/O; Jackson only declares it.
            return Optional.empty();
        }
    }

    /** The field as text: strings as they are, integers as their exact digits; empty otherwise. */
    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return "";
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isIntegralNumber()) {
            BigInteger number = value.bigIntegerValue();
            return number.toString();
        }
        if (value.isBoolean()) {
            return Boolean.toString(value.booleanValue());
        }
        return "";
    }
}
