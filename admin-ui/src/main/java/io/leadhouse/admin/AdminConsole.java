package io.leadhouse.admin;

import io.javalin.Javalin;
import io.leadhouse.Leadhouse;
import java.util.Map;

/**
 * The local admin console (Javalin) beside the API server: first-run setup, integrations and
 * health, as pages and as JSON on the same port.
 */
public final class AdminConsole implements AutoCloseable {
    private final Javalin javalin;
    private final AdminSettings settings;

    private AdminConsole(Javalin javalin, AdminSettings settings) {
        this.javalin = javalin;
        this.settings = settings;
    }

    /** Starts the console for the running application. */
    public static AdminConsole start(Leadhouse app, AdminSettings settings) {
        Javalin javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.get("/admin/api/health", ctx -> ctx.json(Map.of("status", "UP")));
        });
        javalin.start(settings.host(), settings.port());
        return new AdminConsole(javalin, settings);
    }

    /** The port the console listens on. */
    public int port() {
        return javalin.port();
    }

    /** The console's URL. */
    public String url() {
        String host = "0.0.0.0".equals(settings.host()) ? "localhost" : settings.host();
        return "http://" + host + ":" + port() + "/admin";
    }

    @Override
    public void close() {
        javalin.stop();
    }
}
