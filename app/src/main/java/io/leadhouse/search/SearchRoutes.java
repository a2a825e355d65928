package io.leadhouse.search;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.leadhouse.account.Callers;
import io.leadhouse.account.User;
import io.leadhouse.support.InvalidInputException;
import java.util.Optional;

/** {@code /api/v1/search?q=...&limit=20}: the caller's organization's leads that match, most relevant first. */
public final class SearchRoutes implements HttpService {
    /** Hits returned when the caller gives no limit. */
    public static final int DEFAULT_LIMIT = 20;
    private final SearchService search;

    /** Creates the routes. */
    public SearchRoutes(SearchService search) {
        this.search = search;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::searchLeads);
    }

    private void searchLeads(ServerRequest request, ServerResponse response) {
        User user = Callers.current(request);
        String text = request.query().first("q").asOptional().orElse("");
        int limit = limitParam(request);
        response.send(search.search(user.orgId(), text, limit));
    }

    private static int limitParam(ServerRequest request) {
        Optional<String> raw = request.query().first("limit").asOptional();
        if (raw.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            return Integer.parseInt(raw.get().strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("limit is '" + raw.get() + "'; use a whole number 1-"
                    + SearchService.MAX_LIMIT);
        }
    }
}
