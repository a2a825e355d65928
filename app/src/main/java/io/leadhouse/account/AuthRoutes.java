package io.leadhouse.account;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.leadhouse.crypto.Secret;
import io.leadhouse.support.InvalidInputException;
import io.leadhouse.support.JsonBody;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /api/v1/auth}: sign in with email and password, sign out, and who am I. */
public final class AuthRoutes implements HttpService {
    private final AccountService accounts;
    private final Clock clock;

    /** Creates the routes. */
    public AuthRoutes(AccountService accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/login", this::signIn).post("/logout", this::signOut).get("/me", this::me);
    }

    private void signIn(ServerRequest request, ServerResponse response) {
        JsonNode body = JsonBody.read(request, JsonBody.MAX_API_BYTES);
        String email = text(body, "email");
        String password = text(body, "password");
        SignedIn signedIn = accounts.signIn(email, Secret.of(password));
        response.headers().addCookie(SessionCookie.of(signedIn, clock.instant(), request.isSecure()));
        response.headers().set(HeaderNames.CACHE_CONTROL, "no-store");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("token", signedIn.token().reveal());
        answer.put("tokenType", "Bearer");
        answer.put("expiresAt", signedIn.expiresAt().toString());
        answer.put("user", describe(signedIn.user()));
        response.send(answer);
    }

    private void signOut(ServerRequest request, ServerResponse response) {
        request.headers().first(HeaderNames.AUTHORIZATION)
                .filter(value -> value.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(value -> value.substring(7).strip())
                .or(() -> request.headers().cookies().first(SessionCookie.NAME).asOptional())
                .ifPresent(token -> accounts.signOut(Secret.of(token)));
        response.headers().addCookie(SessionCookie.cleared());
        response.status(204).send();
    }

    private void me(ServerRequest request, ServerResponse response) {
        response.send(describe(Callers.current(request)));
    }

    /** The user as the API shows it. */
    static Map<String, Object> describe(User user) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", user.id());
        json.put("orgId", user.orgId());
        json.put("email", user.email());
        json.put("fullName", user.fullName());
        json.put("role", user.role().label());
        return json;
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new InvalidInputException("the sign-in body needs a text field '" + field + "'");
        }
        return value.asText();
    }
}
