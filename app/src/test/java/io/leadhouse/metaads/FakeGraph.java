package io.leadhouse.metaads;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback server that plays the Graph API for tests: answers {@code GET /{version}/{lead id}}
 * and {@code GET /{version}/{form id}/leads} from registered answers, can answer errors or hang,
 * and records every request so tests can check where the token went.
 */
public final class FakeGraph implements AutoCloseable {
    /** The Graph version the fake serves; tests set meta.graph-version to it. */
    public static final String VERSION = "v23.0";
    private static final Answer NOT_FOUND = new Answer(400, MetaTestKit.resourceText("meta/graph_error_100.json"));

    /**
     * One request as received.
     *
     * @param path the path, such as {@code /v23.0/123}
     * @param rawQuery the query exactly as sent, empty when none
     * @param query decoded query parameters
     * @param authorization the Authorization header, empty when none
     */
    public record Recorded(String path, String rawQuery, Map<String, String> query, String authorization) {}

    /**
     * A canned answer: a status and body, or a hang ({@code status} 0) until {@link #release()}.
     *
     * @param status HTTP status, 0 to hang
     * @param body the body
     */
    public record Answer(int status, String body) {
        /** An answer that never comes, until released. */
        public static final Answer HANG = new Answer(0, "");
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final Map<String, Deque<Answer>> answers = new HashMap<>();
    private final List<Recorded> requests = new ArrayList<>();
    private volatile CountDownLatch hanging = new CountDownLatch(1);

    private FakeGraph(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /** Starts the fake on a free loopback port. */
    public static FakeGraph start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            AtomicInteger count = new AtomicInteger();
            ExecutorService threads = Executors.newFixedThreadPool(8, task -> Thread.ofPlatform()
                    .daemon(true)
                    .name("fake-graph-" + count.incrementAndGet())
                    .unstarted(task));
            FakeGraph fake = new FakeGraph(server, threads);
            server.createContext("/", fake::handle);
            server.setExecutor(threads);
            server.start();
            return fake;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The base URL to set as meta.graph-url. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code GET /{version}/{leadgenId}} with these answers in turn; the last one repeats. */
    public void lead(String leadgenId, Answer... inTurn) {
        put("/" + VERSION + "/" + leadgenId, inTurn);
    }

    /** Answers the lead with the fixture resource, status 200. */
    public void leadFromResource(String leadgenId, String resource) {
        lead(leadgenId, new Answer(200, MetaTestKit.resourceText(resource)));
    }

    /** Answers one page of {@code GET /{version}/{formId}/leads}; {@code after} empty for the first page. */
    public void formPage(String formId, String after, Answer answer) {
        put("/" + VERSION + "/" + formId + "/leads?after=" + after, answer);
    }

    /** Lets every hanging request answer (with 504) and makes later hangs wait again. */
    public void release() {
        CountDownLatch released = hanging;
        hanging = new CountDownLatch(1);
        released.countDown();
    }

    /** Every request so far. */
    public synchronized List<Recorded> requests() {
        return List.copyOf(requests);
    }

    /** Requests whose path is {@code /{version}/{id}} or below it. */
    public List<Recorded> requestsFor(String id) {
        String prefix = "/" + VERSION + "/" + id;
        return requests().stream()
                .filter(request -> request.path().equals(prefix) || request.path().startsWith(prefix + "/"))
                .toList();
    }

    private synchronized void put(String key, Answer... inTurn) {
        answers.put(key, new ArrayDeque<>(List.of(inTurn)));
    }

    private synchronized Answer next(String key) {
        Deque<Answer> queue = answers.get(key);
        if (queue == null || queue.isEmpty()) {
            return NOT_FOUND;
        }
        return queue.size() > 1 ? queue.poll() : queue.peek();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String rawQuery = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
        Map<String, String> query = decode(rawQuery);
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        synchronized (this) {
            requests.add(new Recorded(path, rawQuery, query, authorization == null ? "" : authorization));
        }
        String key = path.endsWith("/leads") ? path + "?after=" + query.getOrDefault("after", "") : path;
        Answer answer = next(key);
        if (answer.status() == 0) {
            awaitRelease();
            answer = new Answer(504, "");
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private void awaitRelease() {
        try {
            hanging.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, String> decode(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            query.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return query;
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        threads.shutdownNow();
    }
}
