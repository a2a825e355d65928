package io.leadhouse.web;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.leadhouse.account.User;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The web UI at {@code /}: the sign-in page, the leads list, the lead page, the form that adds a lead
 * and their static files.
 * Pages need a signed-in user (found by the authentication filter from the session cookie); without
 * one they redirect to the sign-in page, which returns to the page asked for. Register it after the
 * API routes.
 */
public final class WebRoutes implements HttpService {
    /** Where a signed-in user lands by default. */
    static final String HOME = "/leads";
    // A local path only: one leading slash, no scheme or host, no backslash, quotes or control characters.
    private static final Pattern LOCAL_PATH = Pattern.compile("/(?![/\\\\])[A-Za-z0-9._~!$()*+,;=:@%/?&-]{0,500}");
    private static final String HTML = "text/html; charset=utf-8";

    private final Assets assets;
    private final Pages pages;

    /** Creates the routes with the English text and the assets on the classpath. */
    public WebRoutes() {
        this.assets = Assets.load();
        this.pages = new Pages(WebStrings.load("en"), assets);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::home)
                .get("/sign-in", this::signInPage)
                .get("/leads", this::leadsPage)
                // Before /leads/{id}: the first matching route answers.
                .get("/leads/new", this::newLeadPage)
                .get("/leads/{id}", this::leadPage)
                .get("/assets/{version}/{name}", assets::serve);
    }

    private void home(ServerRequest request, ServerResponse response) {
        redirect(response, signedIn(request).isPresent() ? HOME : "/sign-in");
    }

    private void signInPage(ServerRequest request, ServerResponse response) {
        String next = safeNext(request.query().first("next").asOptional().orElse(HOME));
        if (signedIn(request).isPresent()) {
            redirect(response, next);
            return;
        }
        sendPage(response, pages.signIn(next));
    }

    private void leadsPage(ServerRequest request, ServerResponse response) {
        Optional<User> user = signedIn(request);
        if (user.isEmpty()) {
            redirectToSignIn(request, response);
            return;
        }
        String query = request.query().first("q").asOptional().orElse("");
        sendPage(response, pages.leads(user.get(), query));
    }

    private void leadPage(ServerRequest request, ServerResponse response) {
        Optional<User> user = signedIn(request);
        if (user.isEmpty()) {
            redirectToSignIn(request, response);
            return;
        }
        sendPage(response, pages.lead(user.get(), request.path().pathParameters().get("id")));
    }

    private void newLeadPage(ServerRequest request, ServerResponse response) {
        Optional<User> user = signedIn(request);
        if (user.isEmpty()) {
            redirectToSignIn(request, response);
            return;
        }
        sendPage(response, pages.newLead(user.get()));
    }

    /**
     * The path to go to after signing in: {@code raw} when it is a path on this site, else the
     * leads list, so a crafted link cannot send the user to another site.
     */
    static String safeNext(String raw) {
        return LOCAL_PATH.matcher(raw).matches() ? raw : HOME;
    }

    private static Optional<User> signedIn(ServerRequest request) {
        return request.context().get(User.class);
    }

    private static void redirectToSignIn(ServerRequest request, ServerResponse response) {
        String rawQuery = request.query().rawValue();
        String here = request.path().rawPath() + (rawQuery.isEmpty() ? "" : "?" + rawQuery);
        redirect(response, "/sign-in?next=" + URLEncoder.encode(safeNext(here), StandardCharsets.UTF_8));
    }

    private static void redirect(ServerResponse response, String location) {
        response.status(Status.SEE_OTHER_303);
        response.headers().set(HeaderNames.LOCATION, location);
        response.headers().set(HeaderNames.CACHE_CONTROL, "no-store");
        response.send();
    }

    private static void sendPage(ServerResponse response, String html) {
        response.headers().set(HeaderNames.CONTENT_TYPE, HTML);
        // Pages name the signed-in user: never keep them in a shared cache or the back-forward history.
        response.headers().set(HeaderNames.CACHE_CONTROL, "no-store");
        response.send(html.getBytes(StandardCharsets.UTF_8));
    }
}
