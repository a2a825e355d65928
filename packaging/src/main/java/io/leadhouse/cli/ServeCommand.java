package io.leadhouse.cli;

import io.leadhouse.Leadhouse;
import io.leadhouse.admin.AdminConsole;
import io.leadhouse.admin.AdminSettings;
import io.leadhouse.config.InvalidConfigException;
import io.leadhouse.config.Setting;
import io.leadhouse.config.Settings;
import io.leadhouse.http.ServerSettings;
import io.leadhouse.support.LeadhouseException;
import java.io.PrintWriter;
import java.net.BindException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code leadhouse serve}: starts the application (web UI and API), then the admin console, prints
 * their URLs, and runs until stopped; then closes the console and the application, in that order.
 */
@Command(
        name = "serve",
        description = "Serves the web UI, the API and the admin console until stopped (the default command).",
        mixinStandardHelpOptions = true,
        versionProvider = LeadhouseVersion.class,
        footerHeading = "%nExample:%n",
        footer = "  leadhouse serve --config /etc/leadhouse/config.yml --port 8080")
final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Mixin
    private CommonOptions common;

    @ParentCommand
    private LeadhouseCommand parent;

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", description = "Port of the web UI and API (server.port).")
    private String port;

    @Option(names = "--host", paramLabel = "HOST", description = "Address the web UI and API listen on (server.host).")
    private String host;

    @Option(names = "--admin-port", paramLabel = "PORT", description = "Port of the admin console (admin.port).")
    private String adminPort;

    @Option(
            names = "--admin-host",
            paramLabel = "HOST",
            description = "Address of the admin console (admin.host); keep it on loopback.")
    private String adminHost;

    @Override
    public Integer call() {
        Map<String, String> options = new LinkedHashMap<>();
        put(options, ServerSettings.PORT, port);
        put(options, ServerSettings.HOST, host);
        put(options, AdminSettings.PORT, adminPort);
        put(options, AdminSettings.HOST, adminHost);
        return serve(parent.settings(common, options), parent.lifetime(), spec.commandLine().getOut());
    }

    /**
     * Starts both servers with these settings, prints where they are, and returns {@link ExitCode#OK}
     * once {@code lifetime} ends and everything is closed.
     *
     * @throws LeadhouseException when the settings, the data directory or a port are unusable
     */
    static int serve(Settings settings, ServeLifetime lifetime, PrintWriter out) {
        Leadhouse app = Leadhouse.start(settings, Clock.systemUTC());
        AdminConsole console;
        try {
            console = startConsole(app, AdminSettings.from(settings));
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }

        try {
            announce(app, console, out);
            lifetime.awaitStopRequest();
        } finally {
            try {
                stop(console, app);
            } finally {
                lifetime.stopped();
            }
        }
        return ExitCode.OK;
    }

    private static AdminConsole startConsole(Leadhouse app, AdminSettings settings) {
        try {
            return AdminConsole.start(app, settings);
        } catch (LeadhouseException e) {
            throw e;
        } catch (RuntimeException e) {
            if (hasCause(e, BindException.class)) {
                throw new InvalidConfigException("admin.port: " + settings.port() + " on " + settings.host()
                        + " is in use; stop the program using it or choose another port (LEADHOUSE_ADMIN_PORT)");
            }
            throw e;
        }
    }

    private static void announce(Leadhouse app, AdminConsole console, PrintWriter out) {
        String web = app.webUrl();
        out.println("Web UI:        " + web);
        out.println("API:           " + web + "/api/v1");
        out.println("Admin console: " + console.url());
        if (!app.accounts().isSetUp()) {
            out.println("First run: finish setup (organization and Owner) in the admin console at " + console.url());
        }
        out.flush();
        LOG.info("Leadhouse {} ready: web UI {}, admin console {}", LeadhouseVersion.current(), web, console.url());
    }

    private static void stop(AdminConsole console, Leadhouse app) {
        try {
            console.close();
        } catch (RuntimeException e) {
            LOG.warn("closing the admin console failed: {}; closing the application anyway", e.getMessage());
        }
        app.close();
        LOG.info("Leadhouse stopped");
    }

    private static void put(Map<String, String> options, Setting setting, String value) {
        if (value != null) {
            options.put(setting.key(), value);
        }
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
