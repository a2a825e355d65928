package io.leadhouse.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.RequestException;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.leadhouse.support.ConflictException;
import io.leadhouse.support.ForbiddenException;
import io.leadhouse.support.InvalidInputException;
import io.leadhouse.support.LeadhouseException;
import io.leadhouse.support.NotFoundException;
import io.leadhouse.support.PayloadTooLargeException;
import io.leadhouse.support.UnauthorizedException;
import io.leadhouse.support.UpstreamUnavailableException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every error into an RFC 9457 problem+json answer. Each exception kind has one stable type
 * URI, title and status; a 5xx never carries exception text, only the request id to quote.
 */
final class Problems {
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Kind(String type, String title, Status status) {}

    private Problems() {}

    static void handle(ServerRequest request, ServerResponse response, Throwable error) {
        Kind kind = kindOf(error);
        String requestId = RequestIds.of(request);
        String detail;
        if (kind.status().code() >= 500 && !(error instanceof UpstreamUnavailableException)) {
            LOG.error("requestId={} {} {} failed", requestId, request.prologue().method().text(),
                    request.path().path(), error);
            detail = "Leadhouse failed to answer this request; quote request id " + requestId + " to your administrator";
        } else {
            detail = error.getMessage() == null ? kind.title() : error.getMessage();
            LOG.debug("requestId={} answered {}: {}", requestId, kind.status().code(), detail);
        }
        send(response, kind, detail, request.path().path(), requestId);
    }

    static void send(ServerResponse response, String type, String title, Status status, String detail, String instance,
            String requestId) {
        send(response, new Kind(type, title, status), detail, instance, requestId);
    }

    private static void send(ServerResponse response, Kind kind, String detail, String instance, String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", kind.type());
        body.put("title", kind.title());
        body.put("status", kind.status().code());
        body.put("detail", detail);
        body.put("instance", instance);
        body.put("requestId", requestId);
        if (kind.status() == Status.UNAUTHORIZED_401) {
            response.headers().set(HeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"leadhouse\"");
        }
        response.status(kind.status());
        response.headers().set(HeaderNames.CONTENT_TYPE, "application/problem+json");
        try {
            response.send(JSON.writeValueAsBytes(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            response.send();
        }
    }

    private static Kind kindOf(Throwable error) {
        return switch (error) {
            case NotFoundException e -> new Kind("/problems/not-found", "Not found", Status.NOT_FOUND_404);
            case ConflictException e -> new Kind("/problems/conflict", "Conflict", Status.CONFLICT_409);
            case PayloadTooLargeException e -> new Kind(
                    "/problems/payload-too-large", "Payload too large", Status.REQUEST_ENTITY_TOO_LARGE_413);
            case InvalidInputException e -> new Kind("/problems/invalid-input", "Invalid input", Status.BAD_REQUEST_400);
            case UnauthorizedException e -> new Kind("/problems/unauthorized", "Not signed in", Status.UNAUTHORIZED_401);
            case ForbiddenException e -> new Kind("/problems/forbidden", "Forbidden", Status.FORBIDDEN_403);
            case UpstreamUnavailableException e -> new Kind(
                    "/problems/upstream-unavailable", "Upstream unavailable", Status.BAD_GATEWAY_502);
            // Helidon's own "no route matched": a 404, not a server failure.
            case HttpException e when e.status() == Status.NOT_FOUND_404 -> new Kind(
                    "/problems/not-found", "Not found", Status.NOT_FOUND_404);
            case RequestException e when e.status().code() < 500 -> new Kind(
                    "/problems/bad-request", "Bad request", e.status());
            case LeadhouseException e -> new Kind(
                    "/problems/internal", "Internal error", Status.INTERNAL_SERVER_ERROR_500);
            default -> new Kind("/problems/internal", "Internal error", Status.INTERNAL_SERVER_ERROR_500);
        };
    }
}
