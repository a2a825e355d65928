package io.leadhouse.metaads;

import io.leadhouse.config.InvalidConfigException;
import io.leadhouse.config.Setting;
import io.leadhouse.config.Settings;
import io.leadhouse.crypto.Secret;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Settings of Meta Lead Ads: where the Graph API is, how long to wait for it, how large a webhook
 * body may be, how often forms are polled, and optionally the app credentials for unattended
 * installs.
 *
 * @param graphUrl base URL of the Graph API, without a trailing slash
 * @param graphVersion Graph API version path segment, such as {@code v23.0}
 * @param requestTimeout how long one Graph call may take
 * @param maxBodyBytes largest webhook body accepted
 * @param syncInterval time between two polls of every connected form
 * @param workerThreads threads that process webhook deliveries
 * @param firstRetryDelay wait before the first retry of a failed delivery; each later retry waits twice as long
 * @param credentials app secret and verify token given in the settings, if both are
 */
public record MetaSettings(
        String graphUrl,
        String graphVersion,
        Duration requestTimeout,
        int maxBodyBytes,
        Duration syncInterval,
        int workerThreads,
        Duration firstRetryDelay,
        Optional<MetaAppCredentials> credentials) {
    private static final Pattern VERSION = Pattern.compile("^v[0-9]{1,3}\\.[0-9]{1,3}$");

    /** {@code meta.graph-url}. */
    public static final Setting GRAPH_URL = Setting.text(
            "meta.graph-url", "https://graph.facebook.com", "Base URL of Meta's Graph API (tests point it elsewhere).");
    /** {@code meta.graph-version}. */
    public static final Setting GRAPH_VERSION = Setting.text(
            "meta.graph-version", "v23.0", "Graph API version used for every call, such as v23.0.");
    /** {@code meta.request-timeout-ms}. */
    public static final Setting REQUEST_TIMEOUT = Setting.integer(
            "meta.request-timeout-ms", 10_000, 100, 120_000, "Milliseconds one Graph API call may take.");
    /** {@code meta.max-body-bytes}. */
    public static final Setting MAX_BODY = Setting.integer(
            "meta.max-body-bytes", 1_048_576, 1024, 16_777_216, "Largest webhook body accepted, in bytes.");
    /** {@code meta.sync-interval-minutes}. */
    public static final Setting SYNC_INTERVAL = Setting.integer(
            "meta.sync-interval-minutes", 15, 1, 1440, "Minutes between two polls of every connected lead form.");
    /** {@code meta.worker-threads}. */
    public static final Setting WORKER_THREADS = Setting.integer(
            "meta.worker-threads", 2, 1, 16, "Threads that process received webhook deliveries.");
    /** {@code meta.retry-first-delay-ms}. */
    public static final Setting RETRY_FIRST_DELAY = Setting.integer("meta.retry-first-delay-ms", 30_000, 10,
            3_600_000, "Wait before retrying a failed delivery; doubles per attempt, at most an hour.");
    /** {@code meta.app-secret}. */
    public static final Setting APP_SECRET = Setting.secret(
            "meta.app-secret", "Meta app secret for unattended installs; stored encrypted at start.");
    /** {@code meta.verify-token}. */
    public static final Setting VERIFY_TOKEN = Setting.secret(
            "meta.verify-token", "Webhook verify token for unattended installs; stored encrypted at start.");

    /** Every setting this feature declares. */
    public static final List<Setting> DECLARED = List.of(GRAPH_URL, GRAPH_VERSION, REQUEST_TIMEOUT, MAX_BODY,
            SYNC_INTERVAL, WORKER_THREADS, RETRY_FIRST_DELAY, APP_SECRET, VERIFY_TOKEN);

    /** Reads and checks the typed values. */
    public static MetaSettings from(Settings settings) {
        String url = settings.text(GRAPH_URL);
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new InvalidConfigException("meta.graph-url is '" + url + "'; use an http(s) URL such as "
                    + GRAPH_URL.defaultValue());
        }
        String version = settings.text(GRAPH_VERSION);
        if (!VERSION.matcher(version).matches()) {
            throw new InvalidConfigException("meta.graph-version is '" + version + "'; use a version such as "
                    + GRAPH_VERSION.defaultValue());
        }
        return new MetaSettings(url.replaceAll("/+$", ""), version,
                Duration.ofMillis(settings.number(REQUEST_TIMEOUT)), settings.integer(MAX_BODY),
                Duration.ofMinutes(settings.number(SYNC_INTERVAL)), settings.integer(WORKER_THREADS),
                Duration.ofMillis(settings.number(RETRY_FIRST_DELAY)), credentials(settings));
    }

    private static Optional<MetaAppCredentials> credentials(Settings settings) {
        Secret secret = Secret.of(settings.text(APP_SECRET));
        Secret token = Secret.of(settings.text(VERIFY_TOKEN));
        if (secret.isEmpty() && token.isEmpty()) {
            return Optional.empty();
        }
        if (secret.isEmpty() || token.isEmpty()) {
            throw new InvalidConfigException("only one of meta.app-secret and meta.verify-token is set; set both ("
                    + APP_SECRET.environmentVariable() + ", " + VERIFY_TOKEN.environmentVariable() + ") or neither");
        }
        return Optional.of(new MetaAppCredentials(secret, token));
    }
}
