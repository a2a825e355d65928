package io.leadhouse.support;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HttpMediaType;
import io.helidon.http.ServerRequestHeaders;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads a request body that must be one JSON object: declared as JSON, at most a given size, and
 * nothing before or after the object. Every JSON route of the API reads its body here, so each
 * refusal is the same problem everywhere. A body that ends before its {@code Content-Length} is left
 * to the HTTP layer, which answers it as the client's fault. Thread-safe.
 */
public final class JsonBody {
    /** The most an API body may hold, 64 KiB: far more than any lead or sign-in a person types. */
    public static final int MAX_API_BYTES = 64 * 1024;

    private static final ObjectMapper MAPPER = Json.mapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final String SEND_JSON = "send the body as JSON with Content-Type: application/json";

    private JsonBody() {}

    /**
     * The request's body as a JSON object.
     *
     * @param maxBytes the largest body accepted, in bytes
     * @throws UnsupportedMediaTypeException when the body is not declared as UTF-8 JSON
     * @throws PayloadTooLargeException when the body is over {@code maxBytes}
     * @throws InvalidInputException when the body is empty, not JSON, or not one object
     */
    public static ObjectNode read(ServerRequest request, int maxBytes) {
        requireJson(request.headers());
        return parse(readAtMost(request, maxBytes));
    }

    private static void requireJson(ServerRequestHeaders headers) {
        Optional<HttpMediaType> declared = headers.contentType();
        if (declared.isEmpty()) {
            throw new UnsupportedMediaTypeException("the request has no Content-Type; " + SEND_JSON);
        }
        HttpMediaType type = declared.get();
        String subtype = type.subtype().toLowerCase(Locale.ROOT);
        if (!"application".equalsIgnoreCase(type.type()) || !("json".equals(subtype) || subtype.endsWith("+json"))) {
            throw new UnsupportedMediaTypeException(
                    "Content-Type " + type.mediaType().text() + " is not JSON; " + SEND_JSON);
        }
        Optional<String> charset = type.charset();
        if (charset.isPresent() && !isUtf8(charset.get())) {
            // RFC 8259: JSON exchanged between systems is UTF-8.
            throw new UnsupportedMediaTypeException(
                    "Content-Type charset " + charset.get() + " is not UTF-8; send JSON as UTF-8");
        }
    }

    private static boolean isUtf8(String charsetName) {
        try {
            return StandardCharsets.UTF_8.equals(Charset.forName(charsetName));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] readAtMost(ServerRequest request, int maxBytes) {
        OptionalLong declared = request.headers().contentLength();
        if (declared.isPresent() && declared.getAsLong() > maxBytes) {
            throw tooLarge(maxBytes);
        }
        if (!request.content().hasEntity()) {
            return new byte[0];
        }
        try (InputStream in = request.content().inputStream()) {
            byte[] body = in.readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                throw tooLarge(maxBytes);
            }
            return body;
        } catch (IOException e) {
            throw new InvalidInputException("the body could not be read to its end; send it again", e);
        }
    }

    private static ObjectNode parse(byte[] body) {
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the body, which may hold a password: say only where it broke.
            throw new InvalidInputException("the body is not valid JSON" + where(e.getLocation())
                    + "; send one JSON object and nothing after it", e);
        } catch (IOException e) {
            throw new InvalidInputException("the body is not valid JSON; send one JSON object and nothing after it", e);
        }
        if (node == null || node.isMissingNode()) {
            throw new InvalidInputException(
                    "the body is empty; send a JSON object with Content-Type: application/json");
        }
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw new InvalidInputException("the body is a JSON " + node.getNodeType().name().toLowerCase(Locale.ROOT)
                + "; send a JSON object such as {\"field\": \"value\"}");
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1 || location.getColumnNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static PayloadTooLargeException tooLarge(int maxBytes) {
        return new PayloadTooLargeException("the body is larger than " + maxBytes + " bytes; send at most "
                + (maxBytes % 1024 == 0 ? maxBytes / 1024 + " KiB" : maxBytes + " bytes"));
    }
}
