package io.leadhouse.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.health.HealthCheck;
import io.helidon.http.media.MediaContext;
import io.helidon.http.media.jackson.JacksonSupport;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import io.leadhouse.account.AccountService;
import io.leadhouse.config.InvalidConfigException;
import io.leadhouse.support.Json;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

/**
 * The Helidon server of the API and the web UI: one port, one routing, authentication in one
 * filter, every error as problem+json, health and metrics under {@code /observe}.
 */
public final class ApiServer implements AutoCloseable {
    private final WebServer server;

    private ApiServer(WebServer server) {
        this.server = server;
    }

    /**
     * Starts the server.
     *
     * @param routes the feature services by path prefix, such as {@code /api/v1/leads}
     * @param checks readiness checks shown under {@code /observe/health}
     * @throws InvalidConfigException when the port is taken
     */
    public static ApiServer start(ServerSettings settings, AccountService accounts, Map<String, HttpService> routes,
            List<HealthCheck> checks) {
        ObjectMapper mapper = Json.mapper();
        HttpRouting.Builder routing = HttpRouting.builder()
                .addFilter(new Authentication(accounts))
                .addFilter(new SecurityHeaders())
                .error(Throwable.class, Problems::handle);
        routes.forEach(routing::register);
        WebServer server = WebServer.builder()
                .host(settings.host())
                .port(settings.port())
                .shutdownHook(false)
                .mediaContext(MediaContext.builder().addMediaSupport(JacksonSupport.create(mapper)).build())
                .addFeature(ObserveFeature.builder()
                        .addObserver(HealthObserver.builder()
                                .details(true)
                                .addChecks(checks.toArray(HealthCheck[]::new))
                                .build())
                        .addObserver(MetricsObserver.create())
                        .build())
                .routing(routing)
                .build();
        // Leadhouse.open calls checkPortFree before creating anything; should the port be taken since,
        // Helidon 4.5 does not throw: it logs, stops, and reports itself not running.
        if (!server.start().isRunning()) {
            throw portInUse(settings);
        }
        return new ApiServer(server);
    }

    /**
     * Checks that the port can be bound, so a port in use is one clear line (naming server.port)
     * before anything is created, instead of Helidon's stack trace after.
     *
     * @throws InvalidConfigException when the port is taken or the host is not an address of this machine
     */
    public static void checkPortFree(ServerSettings settings) {
        if (settings.port() == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(settings.host(), settings.port()));
        } catch (BindException e) {
            throw portInUse(settings);
        } catch (IOException e) {
            throw new InvalidConfigException("server.host: cannot listen on " + settings.host() + ":" + settings.port()
                    + " (" + e.getMessage() + "); choose an address of this machine (LEADHOUSE_SERVER_HOST)");
        }
    }

    private static InvalidConfigException portInUse(ServerSettings settings) {
        return new InvalidConfigException("server.port: " + settings.port() + " on " + settings.host()
                + " is in use; stop the program using it or choose another port (LEADHOUSE_SERVER_PORT)");
    }

    /** The port the server listens on. */
    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.stop();
    }
}
