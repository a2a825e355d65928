package io.leadhouse.metaads;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadhouse.crypto.Secret;
import io.leadhouse.support.InvalidInputException;
import io.leadhouse.support.LeadhouseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Graph API over one shared Jetty HTTP client: reads a lead by id and pages through a form's
 * leads. The page token goes in the Authorization header, never in the URL, and is never logged;
 * when the app secret is known, each call carries its appsecret_proof. Thread-safe.
 */
public final class GraphClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GraphClient.class);
    /** The lead fields Leadhouse asks for. */
    static final String LEAD_FIELDS = "id,created_time,form_id,ad_id,ad_name,adset_id,adset_name,campaign_id,"
            + "campaign_name,platform,is_organic,field_data";
    private static final int PAGE_SIZE = 100;
    private static final Pattern META_ID = Pattern.compile("^[0-9]{1,40}$");

    private final HttpClient http;
    private final String baseUrl;
    private final Duration timeout;
    private final Supplier<Optional<Secret>> appSecret;

    private GraphClient(HttpClient http, String baseUrl, Duration timeout, Supplier<Optional<Secret>> appSecret) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.timeout = timeout;
        this.appSecret = appSecret;
    }

    /**
     * Starts the client.
     *
     * @param appSecret the app secret when configured, read at each call for the appsecret_proof
     */
    public static GraphClient start(MetaSettings settings, Supplier<Optional<Secret>> appSecret) {
        QueuedThreadPool threads = new QueuedThreadPool(16, 2);
        threads.setName("graph-client");
        threads.setDaemon(true);
        HttpClient http = new HttpClient();
        http.setExecutor(threads);
        http.setScheduler(new ScheduledExecutorScheduler("graph-client-scheduler", true));
        http.setConnectTimeout(settings.requestTimeout().toMillis());
        http.setFollowRedirects(false);
        http.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, "Leadhouse"));
        try {
            http.start();
        } catch (Exception e) {
            throw new LeadhouseException("cannot start the Graph API client: " + e.getMessage(), e);
        }
        return new GraphClient(http, settings.graphUrl() + "/" + settings.graphVersion(), settings.requestTimeout(),
                appSecret);
    }

    /**
     * Reads one lead.
     *
     * @throws GraphException when Graph answers an error (see {@link GraphException#tokenRejected()}),
     *     a 5xx, something unreadable, or nothing within the timeout
     */
    public GraphLead lead(String leadgenId, Secret accessToken) {
        Request request = http.newRequest(baseUrl + "/" + metaId(leadgenId)).param("fields", LEAD_FIELDS);
        return GraphLead.read(call(request, accessToken, "lead " + leadgenId));
    }

    /**
     * Reads one page of a form's leads, oldest cursor first.
     *
     * @param createdAfter only leads created after this epoch second, when given
     * @param after the cursor from the previous page, when continuing
     */
    public GraphLeadPage formLeads(String formId, OptionalLong createdAfter, Optional<String> after,
            Secret accessToken) {
        Request request = http.newRequest(baseUrl + "/" + metaId(formId) + "/leads")
                .param("fields", LEAD_FIELDS)
                .param("limit", Integer.toString(PAGE_SIZE));
        createdAfter.ifPresent(since -> request.param("filtering",
                "[{\"field\":\"time_created\",\"operator\":\"GREATER_THAN\",\"value\":" + since + "}]"));
        after.ifPresent(cursor -> request.param("after", cursor));
        JsonNode root = call(request, accessToken, "leads of form " + formId);
        List<GraphLead> leads = new ArrayList<>();
        JsonNode data = root.get("data");
        if (data != null && data.isArray()) {
            data.forEach(lead -> leads.add(GraphLead.read(lead)));
        }
        // Follow our own cursor, not paging.next: that URL carries the token and Meta's host.
        JsonNode paging = root.path("paging");
        String next = MetaJson.text(paging.path("cursors"), "after");
        boolean more = paging.hasNonNull("next") && !next.isEmpty() && !leads.isEmpty();
        return new GraphLeadPage(List.copyOf(leads), more ? Optional.of(next) : Optional.empty());
    }

    private JsonNode call(Request request, Secret accessToken, String what) {
        if (accessToken.isEmpty()) {
            throw new InvalidInputException("no page access token for " + what + "; reconnect the page");
        }
        appSecret.get().ifPresent(secret -> request.param("appsecret_proof",
                Signatures.appSecretProof(accessToken, secret)));
        request.method(HttpMethod.GET)
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .headers(headers -> headers.put(HttpHeader.AUTHORIZATION, "Bearer " + accessToken.reveal()))
                .accept("application/json");
        long started = System.nanoTime();
        ContentResponse response = send(request, accessToken, what);
        byte[] body = response.getContent();
        LOG.debug("Graph {} answered {} in {} ms", what, response.getStatus(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        if (response.getStatus() != 200) {
            Optional<GraphError> error = GraphError.read(body);
            String detail = error.map(e -> "error " + e.code() + (e.subcode() == 0 ? "" : "/" + e.subcode()) + " ("
                    + e.type() + "): " + e.message() + (e.traceId().isEmpty() ? "" : " fbtrace_id=" + e.traceId()))
                    .orElse("no Graph error in the answer");
            throw new GraphException(scrub("Graph API answered " + response.getStatus() + " for " + what + ": "
                    + detail, accessToken), response.getStatus(), error);
        }
        return MetaJson.parse(body).filter(JsonNode::isObject).orElseThrow(() -> new GraphException(
                "Graph API answered 200 for " + what + " with a body that is not a JSON object", 200,
                Optional.empty()));
    }

    private ContentResponse send(Request request, Secret accessToken, String what) {
        try {
            return request.send();
        } catch (TimeoutException e) {
            throw new GraphException("Graph API did not answer " + what + " within " + timeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new GraphException(scrub("Graph API call for " + what + " failed: "
                    + cause.getClass().getSimpleName() + " " + cause.getMessage(), accessToken), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraphException("Graph API call for " + what + " was interrupted", e);
        }
    }

    // Meta's messages do not quote the token today; this keeps it so if that ever changes. The
    // message also reaches log lines and the admin console, so control characters go too.
    private static String scrub(String message, Secret accessToken) {
        return message.replace(accessToken.reveal(), "****").replaceAll("\\p{Cntrl}", " ");
    }

    private static String metaId(String id) {
        if (id == null || !META_ID.matcher(id).matches()) {
            throw new InvalidInputException("'" + id + "' is not a Meta id; Meta ids are digits only");
        }
        return id;
    }

    /** Stops the client and its threads. */
    @Override
    public void close() {
        try {
            http.stop();
        } catch (Exception e) {
            LOG.warn("stopping the Graph API client failed: {}", e.getMessage());
        }
    }
}
