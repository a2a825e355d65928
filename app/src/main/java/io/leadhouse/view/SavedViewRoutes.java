package io.leadhouse.view;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.leadhouse.account.Callers;
import io.leadhouse.account.User;
import io.leadhouse.support.InvalidInputException;
import io.leadhouse.support.JsonBody;
import io.leadhouse.support.NotFoundException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /api/v1/views}: the caller's saved views of the leads list. {@code GET /} lists them,
 * {@code POST /} saves {@code {"name": "...", "query": {"source": "meta", "q": "..."}}},
 * {@code DELETE /{id}} deletes one. Another user's view answers 404.
 */
public final class SavedViewRoutes implements HttpService {
    private final SavedViewService views;

    /** Creates the routes. */
    public SavedViewRoutes(SavedViewService views) {
        this.views = views;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::listViews).post("/", this::createView).delete("/{id}", this::deleteView);
    }

    private void listViews(ServerRequest request, ServerResponse response) {
        User user = Callers.current(request);
        response.send(Map.of("items", views.list(user.orgId(), user.id())));
    }

    private void createView(ServerRequest request, ServerResponse response) {
        User user = Callers.current(request);
        JsonNode body = JsonBody.read(request, JsonBody.MAX_API_BYTES);
        JsonNode name = body.get("name");
        if (name == null || !name.isTextual()) {
            throw new InvalidInputException("'name' is missing or not text; give the view a name");
        }
        SavedView view = views.create(user.orgId(), user.id(), name.asText(), query(body.get("query")));
        response.status(Status.CREATED_201);
        response.headers().set(HeaderNames.LOCATION, "/api/v1/views/" + view.id());
        response.send(view);
    }

    private void deleteView(ServerRequest request, ServerResponse response) {
        User user = Callers.current(request);
        String raw = request.path().pathParameters().get("id");
        long id;
        try {
            id = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new NotFoundException("saved view '" + raw + "' does not exist; view ids are numbers");
        }
        views.delete(user.orgId(), user.id(), id);
        response.status(Status.NO_CONTENT_204).send();
    }

    private static Map<String, String> query(JsonNode query) {
        Map<String, String> values = new LinkedHashMap<>();
        if (query == null || query.isNull()) {
            return values;
        }
        if (!query.isObject()) {
            throw new InvalidInputException(
                    "'query' must be an object of filter values, such as {\"source\":\"meta\"}");
        }
        for (Map.Entry<String, JsonNode> field : query.properties()) {
            if (field.getValue().isNull()) {
                continue;
            }
            if (!field.getValue().isTextual()) {
                throw new InvalidInputException("'query." + field.getKey() + "' must be text");
            }
            values.put(field.getKey(), field.getValue().asText());
        }
        return values;
    }
}
