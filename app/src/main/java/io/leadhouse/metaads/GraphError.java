package io.leadhouse.metaads;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * An error answer of the Graph API: {@code {"error":{"message","type","code","error_subcode",
 * "fbtrace_id"}}}.
 *
 * @param code Graph's error code; 190 means the access token is invalid or expired
 * @param subcode the error subcode, 0 when absent
 * @param type the error type, such as {@code OAuthException}
 * @param message Meta's message
 * @param traceId Meta's fbtrace_id, for support requests
 */
public record GraphError(int code, int subcode, String type, String message, String traceId) {
    /** The code of an invalid, expired or revoked access token. */
    public static final int INVALID_TOKEN = 190;

    /** Whether Meta refused the access token, so the page must be reconnected. */
    public boolean tokenRejected() {
        return code == INVALID_TOKEN;
    }

    /** The error in {@code body}, when it is Graph's error shape. */
    static Optional<GraphError> read(byte[] body) {
        return MetaJson.parse(body)
                .map(root -> root.get("error"))
                .filter(JsonNode::isObject)
                .map(error -> new GraphError(number(MetaJson.text(error, "code")),
                        number(MetaJson.text(error, "error_subcode")), MetaJson.text(error, "type"),
                        MetaJson.text(error, "message"), MetaJson.text(error, "fbtrace_id")));
    }

    private static int number(String digits) {
        try {
            return digits.isEmpty() ? 0 : Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
