package io.leadhouse.metaads;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadhouse.lead.LeadService;
import io.leadhouse.support.LeadhouseException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one stored delivery: for each leadgen change, finds the page's organization and token,
 * reads the lead from Graph and upserts it. Says what should happen to the delivery next; never
 * throws for a problem with one change. Thread-safe.
 */
final class DeliveryProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryProcessor.class);
    private static final Pattern META_ID = Pattern.compile("^[0-9]{1,40}$");

    /** What to do with a delivery after an attempt, from the best outcome to the worst. */
    enum Next {
        DONE,
        UNROUTED,
        NEEDS_RECONNECTION,
        RETRY
    }

    /**
     * The result of an attempt.
     *
     * @param next what to do with the delivery
     * @param detail why, for last_error; empty when done
     */
    record Outcome(Next next, String detail) {
        static final Outcome DONE = new Outcome(Next.DONE, "");

        Outcome worse(Outcome other) {
            return other.next().compareTo(next) > 0 ? other : this;
        }
    }

    private final MetaConnections connections;
    private final GraphClient graph;
    private final LeadService leads;

    DeliveryProcessor(MetaConnections connections, GraphClient graph, LeadService leads) {
        this.connections = connections;
        this.graph = graph;
        this.leads = leads;
    }

    /** Handles every change of the delivery; the outcome is the worst of its changes. */
    Outcome process(long deliveryId, byte[] body) {
        Optional<JsonNode> root = MetaJson.parse(body).filter(JsonNode::isObject);
        if (root.isEmpty()) {
            // The webhook stores JSON objects only; this row was written by something else.
            LOG.error("delivery={} is not a JSON object and cannot be processed; it stays in the inbox", deliveryId);
            return new Outcome(Next.RETRY, "the stored body is not a JSON object");
        }
        WebhookPayload payload = WebhookPayload.read(root.get(), deliveryId);
        if (!payload.isPage()) {
            LOG.info("delivery={} is about object '{}', not 'page'; nothing to import", deliveryId,
                    payload.object().replaceAll("[^A-Za-z0-9_]", "_"));
            return Outcome.DONE;
        }
        Outcome outcome = Outcome.DONE;
        Map<String, Integer> unrouted = new TreeMap<>();
        for (LeadgenChange change : payload.changes()) {
            Outcome handled = handle(deliveryId, change);
            if (handled.next() == Next.UNROUTED) {
                unrouted.merge(change.pageId(), 1, Integer::sum);
            }
            outcome = outcome.worse(handled);
        }
        // One line per page, not per change: a delivery can carry thousands of changes.
        unrouted.forEach((pageId, count) -> LOG.warn("delivery={} page={} has {} lead(s) for a page not connected here;"
                + " the delivery is kept and imported when an Admin connects the page", deliveryId, pageId, count));
        return outcome;
    }

    private Outcome handle(long deliveryId, LeadgenChange change) {
        if (!META_ID.matcher(change.leadgenId()).matches() || !META_ID.matcher(change.pageId()).matches()) {
            LOG.warn("delivery={} skipped a leadgen change whose leadgen or page id is not digits; Meta never sends"
                    + " such ids, so it was not imported", deliveryId);
            return Outcome.DONE;
        }
        Optional<PageRoute> route = connections.routeForPage(change.pageId());
        if (route.isEmpty()) {
            return new Outcome(Next.UNROUTED, "page " + change.pageId() + " is not connected");
        }
        return fetchAndStore(deliveryId, change, route.get());
    }

    private Outcome fetchAndStore(long deliveryId, LeadgenChange change, PageRoute route) {
        Optional<Long> stored = leads.findByExternalKey(route.orgId(), MetaLeadMapper.externalKey(change.leadgenId()));
        if (stored.isPresent()) {
            // A redelivery, or a retry of a batch whose other changes failed: Graph need not be asked again.
            LOG.debug("org={} lead={} delivery={} Meta lead {} was already stored", route.orgId(), stored.get(),
                    deliveryId, change.leadgenId());
            return Outcome.DONE;
        }
        try {
            GraphLead lead = graph.lead(change.leadgenId(), route.accessToken());
            MetaLeadMapper.Origin origin = new MetaLeadMapper.Origin(
                    change.leadgenId(), change.pageId(), change.formId(), route.sourceId(), Optional.of(change));
            LeadService.Upsert result = leads.upsert(route.orgId(), MetaLeadMapper.map(lead, origin));
            connections.markConnected(route.sourceId());
            LOG.debug("org={} lead={} delivery={} Meta lead {} {}", route.orgId(), result.leadId(), deliveryId,
                    change.leadgenId(), result.created() ? "stored" : "was already stored");
            return Outcome.DONE;
        } catch (GraphException e) {
            if (e.tokenRejected()) {
                return tokenRejected(route, e);
            }
            return new Outcome(Next.RETRY, e.getMessage());
        } catch (LeadhouseException e) {
            return new Outcome(Next.RETRY, "storing lead " + change.leadgenId() + " failed: " + e.getMessage());
        }
    }

    private Outcome tokenRejected(PageRoute route, GraphException error) {
        boolean sameToken = connections.routeForPage(route.pageId())
                .map(current -> current.accessToken().equals(route.accessToken()))
                .orElse(false);
        if (!sameToken) {
            // The page was reconnected (or disconnected) while we called Graph with the old token.
            return new Outcome(Next.RETRY, "the page token changed during the call; trying again");
        }
        connections.markNeedsReconnection(route.sourceId(), error.getMessage());
        return new Outcome(Next.NEEDS_RECONNECTION, error.getMessage());
    }
}
