package io.leadhouse.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser stand-in for the console: keeps cookies, does not follow redirects, and remembers every
 * answer so a test can search them all for a secret.
 */
final class ConsoleClient {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;
    private final List<HttpResponse<String>> answers = new ArrayList<>();

    ConsoleClient(AdminConsole console) {
        this.base = "http://127.0.0.1:" + console.port();
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    /** Posts a form; fields keep their order. */
    HttpResponse<String> postForm(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** Sends a body with any content type. */
    HttpResponse<String> send(String method, String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build());
    }

    /** Sends a JSON request; {@code json} and {@code token} may be null. */
    HttpResponse<String> json(String method, String path, String json, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, json == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    /** Opens the console and signs in through the form; returns the dashboard's HTML. */
    String signIn(String email, String password) {
        String csrf = csrf(get("/admin").body());
        HttpResponse<String> signedIn = postForm("/admin/sign-in", Map.of("csrf", csrf, "email", email,
                "password", password));
        if (signedIn.statusCode() != 303) {
            throw new AssertionError("sign-in answered " + signedIn.statusCode() + ": " + signedIn.body());
        }
        return get("/admin").body();
    }

    /** Every answer so far, status line, headers and body, for searching. */
    List<String> transcript() {
        return answers.stream().map(answer -> answer.statusCode() + " " + answer.headers().map() + "\n" + answer.body())
                .toList();
    }

    /** The CSRF token of the first form on the page. */
    static String csrf(String html) {
        Matcher matcher = CSRF.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("no CSRF field in the page: " + html);
        }
        return matcher.group(1);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            HttpResponse<String> answer =
                    http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            answers.add(answer);
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
