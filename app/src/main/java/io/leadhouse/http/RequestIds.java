package io.leadhouse.http;

import io.helidon.webserver.http.ServerRequest;
import java.util.UUID;

/** Gives each request an id that appears in its logs, its problem answers and the X-Request-Id header. */
final class RequestIds {
    private RequestIds() {}

    record RequestId(String value) {}

    static String of(ServerRequest request) {
        return request.context().get(RequestId.class).map(RequestId::value).orElseGet(() -> assign(request));
    }

    static String assign(ServerRequest request) {
        String id = UUID.randomUUID().toString().substring(0, 13);
        request.context().register(new RequestId(id));
        return id;
    }
}
