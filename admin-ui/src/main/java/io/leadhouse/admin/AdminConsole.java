package io.leadhouse.admin;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.util.JavalinBindException;
import io.leadhouse.Leadhouse;
import io.leadhouse.config.InvalidConfigException;
import io.leadhouse.support.StorageFailureException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local admin console (Javalin) beside the API server: first-run setup, sign-in for Owners and
 * Admins, the Meta app and pages, as pages under {@code /admin} and as JSON under
 * {@code /admin/api} on the same port. Thread-safe; close it before the application.
 */
public final class AdminConsole implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AdminConsole.class);
    private static final long MAX_REQUEST_BYTES = 64 * 1024;
    private static final int MAX_THREADS = 16;

    private final Javalin javalin;
    private final AdminSettings settings;

    private AdminConsole(Javalin javalin, AdminSettings settings) {
        this.javalin = javalin;
        this.settings = settings;
    }

    /**
     * Starts the console for the running application.
     *
     * @throws InvalidConfigException when {@code admin.port} is taken on {@code admin.host}
     */
    public static AdminConsole start(Leadhouse app, AdminSettings settings) {
        Javalin javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.threadPool = threadPool();
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            ConsoleFilter filter = new ConsoleFilter(settings.host());
            config.routes.before(filter::apply);
            config.routes.exception(Exception.class, ConsoleErrors::handle);
            // Javalin answers its own HttpResponseException (such as 413 for a body over maxRequestSize)
            // as text/plain unless a handler is registered for that exact class.
            config.routes.exception(HttpResponseException.class, ConsoleErrors::handle);
            config.routes.error(404, ConsoleErrors::handleUnmatched);
            config.routes.error(405, ConsoleErrors::handleUnmatched);
            byte[] stylesheet = resource("console.css");
            config.routes.get("/admin/console.css", ctx -> sendStylesheet(ctx, stylesheet));
            routes(app, config.routes);
        });
        try {
            javalin.start(settings.host(), settings.port());
        } catch (JavalinBindException e) {
            javalin.stop();
            throw new InvalidConfigException("admin.port: " + settings.port() + " on " + settings.host() + " is in use;"
                    + " stop the program using it or choose another port (LEADHOUSE_ADMIN_PORT)");
        }
        AdminConsole console = new AdminConsole(javalin, settings);
        if (app.accounts().isSetUp()) {
            LOG.info("admin console ready on {}", console.url());
        } else {
            LOG.info("admin console ready: open {} to create the organization and its Owner", console.url());
        }
        return console;
    }

    private static void routes(Leadhouse app, RoutesConfig routes) {
        ConsoleSessions sessions = new ConsoleSessions(Clock.systemUTC());
        AdminAccess access = new AdminAccess(app.accounts());
        FirstRunSetup setup = new FirstRunSetup(app.accounts());
        String webhookUrl = app.webUrl().replaceAll("/+$", "") + "/webhooks/meta";
        new ConsolePageRoutes(setup, access, sessions, app.metaConnections(), webhookUrl).register(routes);
        new ConsoleApiRoutes(setup, access, app.metaConnections(), webhookUrl).register(routes);
    }

    private static QueuedThreadPool threadPool() {
        // Named so a thread dump tells the console's workers (admin-http-N) from the API server's.
        QueuedThreadPool pool = new QueuedThreadPool(MAX_THREADS, 2);
        pool.setName("admin-http");
        return pool;
    }

    private static void sendStylesheet(Context ctx, byte[] stylesheet) {
        ctx.header("Cache-Control", "max-age=3600");
        ctx.contentType("text/css; charset=utf-8").result(stylesheet);
    }

    private static byte[] resource(String name) {
        try (InputStream in = AdminConsole.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new StorageFailureException(
                        "the admin console's " + name + " is missing from the JAR; rebuild it");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new StorageFailureException("the admin console's " + name + " could not be read; rebuild the JAR", e);
        }
    }

    /** The port the console listens on. */
    public int port() {
        return javalin.port();
    }

    /** The console's URL, such as {@code http://127.0.0.1:8081/admin}. */
    public String url() {
        String host = settings.host();
        if ("0.0.0.0".equals(host) || "::".equals(host)) {
            host = "localhost";
        } else if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + port() + "/admin";
    }

    /** Stops the console; open requests are cut short. */
    @Override
    public void close() {
        javalin.stop();
    }
}
