package io.leadhouse.metaads;

import io.helidon.webserver.http.HttpService;
import io.leadhouse.lead.LeadService;
import io.leadhouse.store.Database;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running Meta Lead Ads integration: the Graph client, the inbox worker, the webhook routes
 * and the form poller, built over {@link MetaConnections} and {@link LeadService}. Closing it stops
 * the worker, then the Graph client.
 */
public final class MetaLeadAds implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MetaLeadAds.class);

    private final GraphClient graph;
    private final MetaInboxWorker worker;
    private final MetaWebhookRoutes routes;
    private final MetaSyncJob syncJob;

    private MetaLeadAds(GraphClient graph, MetaInboxWorker worker, MetaWebhookRoutes routes, MetaSyncJob syncJob) {
        this.graph = graph;
        this.worker = worker;
        this.routes = routes;
        this.syncJob = syncJob;
    }

    /**
     * Stores app credentials given in the settings, starts the Graph client and the inbox worker
     * (which first takes back deliveries a crash interrupted).
     */
    public static MetaLeadAds start(MetaSettings settings, Database database, MetaConnections connections,
            LeadService leads, Clock clock) {
        settings.credentials().ifPresent(given -> {
            boolean same = connections.appCredentials().map(given::equals).orElse(false);
            if (!same) {
                connections.configureApp(given.appSecret(), given.verifyToken());
                LOG.info("Meta app credentials taken from the settings (meta.app-secret, meta.verify-token)");
            }
        });
        GraphClient graph = GraphClient.start(settings,
                () -> connections.appCredentials().map(MetaAppCredentials::appSecret));
        try {
            DeliveryRepository deliveries = new DeliveryRepository(database);
            MetaInboxWorker worker = new MetaInboxWorker(
                    deliveries, new DeliveryProcessor(connections, graph, leads), settings, clock);
            connections.onPageConnected(worker::pageConnected);
            worker.start();
            MetaWebhookRoutes routes = new MetaWebhookRoutes(
                    connections, deliveries, worker, settings.maxBodyBytes(), clock);
            return new MetaLeadAds(graph, worker, routes, new MetaSyncJob(connections, graph, leads));
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    /** The routes to register at {@code /webhooks/meta}. */
    public HttpService webhookRoutes() {
        return routes;
    }

    /** The form poller, for the scheduler and for running it at once. */
    public MetaSyncJob syncJob() {
        return syncJob;
    }

    /** The Graph API client. */
    public GraphClient graph() {
        return graph;
    }

    /** Stops the inbox worker, then the Graph client. */
    @Override
    public void close() {
        worker.close();
        graph.close();
    }
}
