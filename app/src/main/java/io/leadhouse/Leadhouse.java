package io.leadhouse;

import io.helidon.webserver.http.HttpService;
import io.leadhouse.account.AccountService;
import io.leadhouse.account.AccountSettings;
import io.leadhouse.account.AuthRoutes;
import io.leadhouse.account.SetupSettings;
import io.leadhouse.config.DataDirectory;
import io.leadhouse.config.Setting;
import io.leadhouse.config.Settings;
import io.leadhouse.crypto.CryptoSettings;
import io.leadhouse.crypto.Keyring;
import io.leadhouse.crypto.SecretBox;
import io.leadhouse.http.ApiServer;
import io.leadhouse.http.ServerSettings;
import io.leadhouse.jobs.JobScheduler;
import io.leadhouse.jobs.JobSettings;
import io.leadhouse.lead.LeadRoutes;
import io.leadhouse.lead.LeadService;
import io.leadhouse.lead.LeadSettings;
import io.leadhouse.lead.PhoneNumbers;
import io.leadhouse.metaads.MetaConnections;
import io.leadhouse.search.SearchRoutes;
import io.leadhouse.search.SearchService;
import io.leadhouse.metaads.MetaLeadAds;
import io.leadhouse.metaads.MetaSettings;
import io.leadhouse.metaads.MetaSyncJob;
import io.leadhouse.store.Database;
import io.leadhouse.store.DatabaseHealth;
import io.leadhouse.store.DatabaseSettings;
import io.leadhouse.store.SearchOutbox;
import io.leadhouse.support.LeadhouseException;
import io.leadhouse.support.Logging;
import io.leadhouse.view.SavedViewRoutes;
import io.leadhouse.view.SavedViewService;
import io.leadhouse.web.WebRoutes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running server application: opens the data directory, database and keys, builds every
 * feature's service, starts the background workers and the HTTP server, and closes them in the
 * reverse order. The admin console and the CLI use it as their entry point.
 */
public final class Leadhouse implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Leadhouse.class);

    /** Every setting of every feature, in the order config.yml documents them. */
    public static final List<Setting> SETTINGS = declared();

    private final Settings settings;
    private final DataDirectory data;
    private final Clock clock;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private Database database;
    private SecretBox secrets;
    private AccountService accounts;
    private LeadService leads;
    private MetaConnections metaConnections;
    private SearchService search;
    private MetaLeadAds metaAds;
    private JobScheduler jobs;
    private ApiServer server;

    private Leadhouse(Settings settings, Clock clock) {
        this.settings = settings;
        this.data = DataDirectory.from(settings);
        this.clock = clock;
    }

    /**
     * Starts everything; on failure closes what was started and rethrows.
     *
     * @throws LeadhouseException with a one-line message when the settings, data or port are unusable
     */
    public static Leadhouse start(Settings settings, Clock clock) {
        Logging.bridgeJavaUtilLogging();
        Leadhouse app = new Leadhouse(settings, clock);
        try {
            app.open();
            return app;
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }

    private void open() {
        // Every setting is read and checked first, so a wrong value stops start-up before anything is created.
        LeadSettings leadSettings = LeadSettings.from(settings);
        DatabaseSettings databaseSettings = DatabaseSettings.from(settings);
        CryptoSettings cryptoSettings = CryptoSettings.from(settings);
        AccountSettings accountSettings = AccountSettings.from(settings);
        Optional<SetupSettings> setup = SetupSettings.from(settings);
        MetaSettings metaSettings = MetaSettings.from(settings);
        JobSettings jobSettings = JobSettings.from(settings);
        ServerSettings serverSettings = ServerSettings.from(settings);
        ApiServer.checkPortFree(serverSettings);

        data.prepare();
        database = remember(Database.open(data.db(), data.logs().resolve("derby.log"), databaseSettings));
        secrets = Keyring.open(data.keys(), cryptoSettings);
        accounts = new AccountService(database, accountSettings, clock);
        setup.ifPresent(this::setUpUnattended);
        int expired = accounts.purgeExpiredSessions();
        LOG.debug("{} expired sessions removed", expired);
        SearchOutbox outbox = new SearchOutbox();
        PhoneNumbers phones = new PhoneNumbers(leadSettings.defaultRegion());
        leads = new LeadService(database, outbox, phones, clock);
        metaConnections = new MetaConnections(database, secrets, clock);
        search = remember(SearchService.start(data.index(), database, outbox, leads, phones));
        metaAds = remember(MetaLeadAds.start(metaSettings, database, metaConnections, leads, clock));
        // Closed before the database (closeables run newest first): Quartz must not be inside Derby then.
        jobs = remember(JobScheduler.open(jobSettings, database));
        jobs.scheduleEvery(MetaSyncJob.NAME, metaSettings.syncInterval(), MetaSyncJob.class, metaAds::syncJob);
        jobs.start();

        Map<String, HttpService> routes = new LinkedHashMap<>();
        routes.put("/api/v1/auth", new AuthRoutes(accounts, clock));
        routes.put("/api/v1/leads", new LeadRoutes(leads));
        routes.put("/api/v1/search", new SearchRoutes(search));
        routes.put("/api/v1/views", new SavedViewRoutes(new SavedViewService(database, clock)));
        routes.put("/webhooks/meta", metaAds.webhookRoutes());
        routes.put("/", new WebRoutes());
        server = remember(ApiServer.start(serverSettings, accounts, routes, List.of(new DatabaseHealth(database))));
        // The launcher logs the one INFO "ready" line, once the admin console is up too.
        LOG.debug("web UI and API listening on {}", webUrl());
    }

    private void setUpUnattended(SetupSettings setup) {
        if (accounts.isSetUp()) {
            return;
        }
        accounts.createOrganization(setup.org(), setup.ownerEmail(), "", setup.ownerPassword());
        LOG.info("unattended setup created organization '{}' and its Owner", setup.org().replaceAll("[\\r\\n]", "_"));
    }

    /** The URL of the web UI and API. */
    public String webUrl() {
        String configured = ServerSettings.from(settings).publicUrl();
        if (!configured.isBlank()) {
            return configured;
        }
        String host = ServerSettings.from(settings).host();
        return "http://" + ("0.0.0.0".equals(host) ? "localhost" : host) + ":" + server.port();
    }

    /** The port of the API and web UI. */
    public int port() {
        return server.port();
    }

    /** The settings this application runs with. */
    public Settings settings() {
        return settings;
    }

    /** The data directory. */
    public DataDirectory data() {
        return data;
    }

    /** The database, for tools and tests. */
    public Database database() {
        return database;
    }

    /** Encryption of stored secrets. */
    public SecretBox secrets() {
        return secrets;
    }

    /** Organizations, users and sessions. */
    public AccountService accounts() {
        return accounts;
    }

    /** Leads. */
    public LeadService leads() {
        return leads;
    }

    /** Search over leads: queries, and {@code rebuild()} for the reindex command. */
    public SearchService search() {
        return search;
    }

    /** The Meta app credentials and connected pages. */
    public MetaConnections metaConnections() {
        return metaConnections;
    }

    /** Meta Lead Ads: webhook, inbox worker, Graph client and form poller. */
    public MetaLeadAds metaAds() {
        return metaAds;
    }

    /** The job scheduler. */
    public JobScheduler jobs() {
        return jobs;
    }

    private <T extends AutoCloseable> T remember(T closeable) {
        closeables.add(closeable);
        return closeable;
    }

    /** Stops the server and workers and closes the database, newest first. */
    @Override
    public void close() {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception e) {
                LOG.warn("closing {} failed: {}", closeables.get(i).getClass().getSimpleName(), e.getMessage());
            }
        }
        closeables.clear();
    }

    private static List<Setting> declared() {
        List<Setting> all = new ArrayList<>();
        all.addAll(DataDirectory.DECLARED);
        all.addAll(ServerSettings.DECLARED);
        all.addAll(DatabaseSettings.DECLARED);
        all.addAll(CryptoSettings.DECLARED);
        all.addAll(AccountSettings.DECLARED);
        all.addAll(SetupSettings.DECLARED);
        all.addAll(LeadSettings.DECLARED);
        all.addAll(MetaSettings.DECLARED);
        all.addAll(JobSettings.DECLARED);
        return List.copyOf(all);
    }
}
