package io.leadhouse.lead;

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
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code /api/v1/leads}: list (paged, newest first, filtered by the {@link LeadFilter} parameters), read one
 * with its timeline, add one by hand.
 */
public final class LeadRoutes implements HttpService {
    private static final int DEFAULT_PAGE_SIZE = 50;
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?[0-9]+");
    private final LeadService leads;

    /** Creates the routes. */
    public LeadRoutes(LeadService leads) {
        this.leads = leads;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::listLeads).post("/", this::createLead).get("/{id}", this::getLead);
    }

    private void listLeads(ServerRequest request, ServerResponse response) {
        User user = Callers.current(request);
        int page = intParam(request, "page", 0, 0, LeadService.MAX_PAGE);
        int size = intParam(request, "size", DEFAULT_PAGE_SIZE, 1, LeadService.MAX_PAGE_SIZE);
        LeadFilter filter = LeadFilter.parse(name -> request.query().first(name).asOptional());
        LeadPage result = leads.list(user.orgId(), filter, page, size);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", result.leads());
        body.put("page", result.page());
        body.put("size", result.size());
        body.put("total", result.total());
        response.send(body);
    }

    private void getLead(ServerRequest request, ServerResponse response) {
        User user = Callers.current(request);
        long id = idParam(request);
        Lead lead = leads.get(user.orgId(), id);
        response.headers().set(HeaderNames.ETAG, "\"" + lead.version() + "\"");
        response.send(new LeadDetail(lead, leads.timeline(user.orgId(), id)));
    }

    private void createLead(ServerRequest request, ServerResponse response) {
        User user = Callers.current(request);
        JsonNode body = JsonBody.read(request, JsonBody.MAX_API_BYTES);
        IncomingLead incoming = new IncomingLead(Optional.empty(), text(body, "name", 300), text(body, "email", 320),
                text(body, "phone", 100), text(body, "city", 200), text(body, "company", 300), "manual",
                Optional.empty(), Map.of(), List.of());
        Lead lead = leads.create(user.orgId(), user.id(), incoming);
        response.status(Status.CREATED_201);
        response.headers().set(HeaderNames.LOCATION, "/api/v1/leads/" + lead.id());
        response.send(lead);
    }

    /**
     * A lead with its timeline, as {@code GET /api/v1/leads/{id}} returns it.
     *
     * @param lead the lead
     * @param timeline newest first
     */
    public record LeadDetail(Lead lead, List<TimelineEvent> timeline) {}

    private static String text(JsonNode body, String field, int maxLength) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return "";
        }
        if (!value.isTextual()) {
            throw new InvalidInputException("'" + field + "' must be text");
        }
        if (value.asText().length() > maxLength) {
            throw new InvalidInputException("'" + field + "' is longer than " + maxLength + " characters");
        }
        return value.asText().strip();
    }

    private static long idParam(ServerRequest request) {
        String raw = request.path().pathParameters().get("id");
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new NotFoundException("lead '" + raw + "' does not exist; lead ids are numbers");
        }
    }

    private static int intParam(ServerRequest request, String name, int fallback, int min, int max) {
        Optional<String> raw = request.query().first(name).asOptional();
        if (raw.isEmpty()) {
            return fallback;
        }
        if (!WHOLE_NUMBER.matcher(raw.get()).matches()) {
            throw new InvalidInputException(
                    name + " is '" + raw.get() + "'; use a whole number from " + min + " to " + max);
        }
        // Compared as a BigInteger so that a number too long for an int gets the range, not a parse error.
        BigInteger value = new BigInteger(raw.get());
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new InvalidInputException(
                    name + " is " + raw.get() + "; use a " + name + " from " + min + " to " + max);
        }
        return value.intValueExact();
    }
}
