package io.leadhouse.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.leadhouse.support.InvalidInputException;
import io.leadhouse.support.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes the JSON API's bodies with the app's Jackson settings. */
final class ConsoleJson {
    private static final ObjectMapper MAPPER = Json.mapper();

    private ConsoleJson() {}

    /** Sends {@code body} as JSON with the given status. */
    static void send(Context ctx, int status, Object body, String contentType) {
        try {
            ctx.status(status).contentType(contentType).result(MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a console answer could not be written as JSON", e);
        }
    }

    /** Sends {@code body} as {@code application/json}. */
    static void send(Context ctx, int status, Object body) {
        send(ctx, status, body, "application/json");
    }

    /**
     * The request body as a JSON object.
     *
     * @throws InvalidInputException when the body is not declared as JSON, not JSON, or not an object
     */
    static JsonNode object(Context ctx, String example) {
        if (!ctx.isJson()) {
            // Only a JSON content type makes a browser ask first before a cross-site request; refuse the others.
            throw new InvalidInputException("send the body as JSON with Content-Type: application/json");
        }
        JsonNode body;
        try {
            body = MAPPER.readTree(ctx.bodyAsBytes());
        } catch (IOException e) {
            // Jackson's message quotes the offending text, which may be a token: never pass it on.
            throw new InvalidInputException("the body is not valid JSON; send an object such as " + example);
        }
        if (body == null || !body.isObject()) {
            throw new InvalidInputException("the body must be a JSON object such as " + example);
        }
        return body;
    }

    /** A text field; empty when absent. */
    static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return "";
        }
        if (!value.isTextual()) {
            throw new InvalidInputException("the field '" + field + "' must be text");
        }
        return value.asText();
    }

    /** A list of ids given as an array of strings (or numbers), or as one text with commas; empty when absent. */
    static List<String> ids(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (value.isTextual()) {
            return IdLists.split(value.asText());
        }
        if (!value.isArray()) {
            throw new InvalidInputException("the field '" + field + "' must be an array of ids such as [\"123\"]");
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual() && !item.isIntegralNumber()) {
                throw new InvalidInputException("the field '" + field + "' must hold ids as strings, such as \"123\"");
            }
            ids.add(item.asText());
        }
        return ids;
    }
}
