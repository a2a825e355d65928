package io.leadhouse.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.common.buffers.DataReader.InsufficientDataAvailableException;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.leadhouse.support.LeadhouseException;
import io.leadhouse.support.ProblemType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every error into an RFC 9457 problem+json answer, of the kind {@link ProblemType} gives
 * our exceptions; Helidon's own refusals (no route, unreadable or cut-short body) keep a 4xx status
 * and a fixed detail. A 5xx never carries exception text, only the request id to quote.
 */
final class Problems {
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {}

    static void handle(ServerRequest request, ServerResponse response, Throwable error) {
        ProblemType type = typeOf(error);
        String requestId = RequestIds.of(request);
        String path = request.path().absolute().path();
        String detail;
        if (!type.showsDetail()) {
            LOG.error("requestId={} {} {} failed", requestId, request.prologue().method().text(), path, error);
            detail = "Leadhouse failed to answer this request; quote request id " + requestId
                    + " to your administrator";
        } else if (error instanceof LeadhouseException && error.getMessage() != null) {
            detail = error.getMessage();
        } else if (error instanceof InsufficientDataAvailableException) {
            detail = "the request body ended before the Content-Length it declared; send the whole body";
        } else {
            // Helidon's and Jackson's messages may quote the request or name our classes; answer with fixed text.
            detail = type.title() + ": " + request.prologue().method().text() + " " + path;
        }
        LOG.debug("requestId={} answered {}: {}", requestId, type.status(), detail);
        send(response, type, detail, path, requestId);
    }

    private static ProblemType typeOf(Throwable error) {
        return ProblemType.of(error).orElseGet(() -> switch (error) {
            case HttpException http -> ProblemType.ofStatus(http.status().code());
            // The client declared a longer body than it sent, then stopped sending: its fault, not ours.
            case InsufficientDataAvailableException e -> ProblemType.BAD_REQUEST;
            // An unreadable JSON body: Helidon hands Jackson's parse error through.
            case RuntimeException e when e.getCause() instanceof JsonProcessingException ->
                    ProblemType.BAD_REQUEST;
            default -> ProblemType.INTERNAL;
        });
    }

    private static void send(ServerResponse response, ProblemType type, String detail, String instance,
            String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.type());
        body.put("title", type.title());
        body.put("status", type.status());
        body.put("detail", detail);
        body.put("instance", instance);
        body.put("requestId", requestId);
        if (type.status() == Status.UNAUTHORIZED_401.code()) {
            response.headers().set(HeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"leadhouse\"");
        }
        response.status(Status.create(type.status()));
        response.headers().set(HeaderNames.CONTENT_TYPE, "application/problem+json");
        try {
            response.send(JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            response.send();
        }
    }
}
