package io.leadhouse.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.leadhouse.testing.TestServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The web UI's pages and files over plain HTTP: redirects, content types, caching, headers, escaping. */
class WebRoutesTest {
    private static final Pattern ASSET = Pattern.compile("/assets/[0-9a-f]+/([a-z-]+\\.(?:js|css|svg))");
    private static final Pattern NEXT = Pattern.compile("data-next=\"([^\"]*)\"");

    @TempDir
    static Path dataDir;
    static TestServer server;
    static String session;

    @BeforeAll
    static void start() {
        server = TestServer.start(dataDir);
        session = server.ownerToken();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> get(String path, boolean signedIn) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path)).GET();
        if (signedIn) {
            request.header("Cookie", "leadhouse_session=" + session);
        }
        return server.send(request.build());
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElse("(absent)");
    }

    private static String assetUrl(String name) {
        Matcher asset = ASSET.matcher(get("/leads", true).body());
        while (asset.find()) {
            if (asset.group(1).equals(name)) {
                return asset.group();
            }
        }
        throw new AssertionError("/leads does not link " + name);
    }

    @Test
    void rootRedirectsToSignInWhenSignedOut() {
        HttpResponse<String> response = get("/", false);
        assertEquals(303, response.statusCode());
        assertEquals("/sign-in", header(response, "Location"));
    }

    @Test
    void rootRedirectsToLeadsWhenSignedIn() {
        HttpResponse<String> response = get("/", true);
        assertEquals(303, response.statusCode());
        assertEquals("/leads", header(response, "Location"));
    }

    @Test
    void leadPageRedirectsToSignInWithTheWayBackWhenSignedOut() {
        HttpResponse<String> response = get("/leads/12", false);
        assertEquals(303, response.statusCode());
        assertEquals("/sign-in?next=%2Fleads%2F12", header(response, "Location"));
    }

    @Test
    void addLeadPageRedirectsToSignInWithTheWayBackWhenSignedOut() {
        HttpResponse<String> response = get("/leads/new", false);
        assertEquals(303, response.statusCode());
        assertEquals("/sign-in?next=%2Fleads%2Fnew", header(response, "Location"));
    }

    @Test
    void addLeadPageShowsTheFormWithTheStrictContentSecurityPolicy() {
        HttpResponse<String> response = get("/leads/new", true);
        assertEquals(200, response.statusCode());
        assertEquals("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                + " connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
                header(response, "Content-Security-Policy"));
        assertEquals(List.of("name", "phone", "email", "city", "company"),
                Pattern.compile("<label for=\"([a-z]+)\"").matcher(response.body()).results()
                        .map(label -> label.group(1)).toList());
    }

    @Test
    void leadsListLinksToTheAddLeadPage() {
        assertEquals(true, get("/leads", true).body().contains("href=\"/leads/new\">Add lead</a>"));
    }

    @Test
    void leadsListRedirectKeepsTheSearch() {
        HttpResponse<String> response = get("/leads?q=asha", false);
        assertEquals("/sign-in?next=%2Fleads%3Fq%3Dasha", header(response, "Location"));
    }

    @Test
    void signInPageRedirectsASignedInUserToNext() {
        HttpResponse<String> response = get("/sign-in?next=%2Fleads%2F7", true);
        assertEquals(303, response.statusCode());
        assertEquals("/leads/7", header(response, "Location"));
    }

    @Test
    void signInPageKeepsALocalNext() {
        Matcher next = NEXT.matcher(get("/sign-in?next=%2Fleads%2F7", false).body());
        assertEquals(true, next.find());
        assertEquals("/leads/7", next.group(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example/", "https://evil.example/", "/\\evil.example", "javascript:alert(1)",
        "leads", "/leads\"><script>alert(1)</script>", ""})
    void signInPageReplacesANextThatLeavesTheSite(String next) {
        HttpResponse<String> response = get("/sign-in?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8), false);
        Matcher found = NEXT.matcher(response.body());
        assertEquals(true, found.find());
        assertEquals("/leads", found.group(1));
    }

    @Test
    void pagesAreHtmlThatIsNeverCached() {
        for (String path : List.of("/sign-in", "/leads", "/leads/1", "/leads/new")) {
            HttpResponse<String> response = get(path, !path.equals("/sign-in"));
            assertEquals(200, response.statusCode(), path);
            assertEquals("text/html; charset=utf-8", header(response, "Content-Type"), path);
            assertEquals("no-store", header(response, "Cache-Control"), path);
        }
    }

    @Test
    void pagesCarryTheStrictContentSecurityPolicy() {
        HttpResponse<String> response = get("/leads", true);
        assertEquals("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                + " connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
                header(response, "Content-Security-Policy"));
        assertEquals("nosniff", header(response, "X-Content-Type-Options"));
    }

    @Test
    void pagesHaveNoInlineScriptStyleOrHandler() {
        for (String path : List.of("/sign-in", "/leads", "/leads/1", "/leads/new")) {
            String html = get(path, !path.equals("/sign-in")).body();
            assertEquals(List.of(), Pattern.compile("<script(?![^>]*(src=|type=\"application/json\"))[^>]*>|<style|"
                    + "\\son[a-z]+=|style=\"").matcher(html).results().map(MatchResult::group).toList(), path);
        }
    }

    @Test
    void searchTypedIntoTheUrlIsEscapedInTheSearchBox() {
        String html = get("/leads?q=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E", true).body();
        assertEquals(List.of("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""),
                Pattern.compile("(?<!<option )value=\"[^\"]*\"").matcher(html).results()
                        .map(MatchResult::group).toList());
    }

    @Test
    void leadIdFromTheUrlIsEscapedInThePage() {
        String html = get("/leads/%22%3E%3Cscript%3E", true).body();
        assertEquals(List.of("data-lead-id=\"&quot;&gt;&lt;script&gt;\""),
                Pattern.compile("data-lead-id=\"[^\"]*\"").matcher(html).results().map(MatchResult::group).toList());
    }

    @Test
    void leadNamesNeverReachThePageHtml() {
        String name = "<script>alert('x')</script>Mallory";
        server.postJson("/api/v1/leads", "{\"name\":\"" + name.replace("'", "\\u0027") + "\"}", session);
        for (String path : List.of("/leads", "/leads/1", "/leads?q=Mallory")) {
            String html = get(path, true).body();
            assertEquals(-1, html.indexOf("Mallory</"), path);
            assertEquals(-1, html.indexOf("alert('x')"), path);
        }
    }

    @Test
    void scriptsAreServedAsJavaScriptCachedForAYear() {
        HttpResponse<String> response = get(assetUrl("leads.js"), false);
        assertEquals(200, response.statusCode());
        assertEquals("text/javascript; charset=utf-8", header(response, "Content-Type"));
        assertEquals("public, max-age=31536000, immutable", header(response, "Cache-Control"));
    }

    @Test
    void stylesheetIsServedAsCss() {
        assertEquals("text/css; charset=utf-8", header(get(assetUrl("app.css"), false), "Content-Type"));
    }

    @Test
    void logoIsServedAsSvg() {
        assertEquals("image/svg+xml", header(get(assetUrl("logo.svg"), false), "Content-Type"));
    }

    @Test
    void assetOfAnOlderVersionIsServedButNotKept() {
        HttpResponse<String> response = get("/assets/000000000000/app.css", false);
        assertEquals(200, response.statusCode());
        assertEquals("no-cache", header(response, "Cache-Control"));
    }

    @Test
    void assetAnswersNotModifiedForItsEtag() {
        String url = assetUrl("api.js");
        String etag = header(get(url, false), "ETag");
        HttpResponse<String> again = server.send(HttpRequest.newBuilder(URI.create(server.url() + url))
                .header("If-None-Match", etag).GET().build());
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
    }

    @Test
    void unknownAssetIsNotFound() {
        assertEquals(404, get("/assets/000000000000/secrets.txt", false).statusCode());
    }

    @Test
    void unknownPathIsNotFound() {
        HttpResponse<String> response = get("/no-such-page", true);
        assertEquals(404, response.statusCode());
        assertEquals("application/problem+json", header(response, "Content-Type"));
    }

    @Test
    void pagesNeverContainTheSessionToken() {
        for (String path : List.of("/leads", "/leads/1", "/leads/new")) {
            assertEquals(-1, get(path, true).body().indexOf(session), path);
        }
    }
}
