package io.leadhouse.cli;

import io.leadhouse.Leadhouse;
import io.leadhouse.admin.AdminSettings;
import io.leadhouse.config.DataDirectory;
import io.leadhouse.config.Setting;
import io.leadhouse.config.Settings;
import io.leadhouse.config.SettingsLoader;
import io.leadhouse.support.Logging;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code leadhouse} command, main class of the executable JAR. Without a sub-command it serves,
 * exactly like {@code leadhouse serve}. Settings come from command-line options, then
 * {@code LEADHOUSE_*} environment variables, then config.yml, then the declared defaults.
 */
@Command(
        name = "leadhouse",
        description = "Leadhouse, the self-hosted sales CRM. Without a command it serves.",
        mixinStandardHelpOptions = true,
        versionProvider = LeadhouseVersion.class,
        subcommands = {ServeCommand.class, InitCommand.class, ConfigReferenceCommand.class},
        footerHeading = "%nExample:%n",
        footer = "  java -jar leadhouse.jar --config config.yml",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "1:failed while running; the message says what to do",
            "2:wrong command line or configuration; nothing was started"
        })
public final class LeadhouseCommand implements Callable<Integer> {
    /** Every setting of the server and the admin console, in the order config.yml documents them. */
    public static final List<Setting> SETTINGS = allSettings();

    @Mixin
    private CommonOptions common;

    @Spec
    private CommandSpec spec;

    private final Map<String, String> environment;
    private final ServeLifetime lifetime;

    private LeadhouseCommand(Map<String, String> environment, ServeLifetime lifetime) {
        this.environment = Map.copyOf(environment);
        this.lifetime = lifetime;
    }

    /** Runs the command line and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(commandLine(System.getenv(), new ShutdownSignal()).execute(args));
    }

    /**
     * The command line, with its one-line error handling, reading the given environment and
     * serving for as long as {@code lifetime} says.
     */
    static CommandLine commandLine(Map<String, String> environment, ServeLifetime lifetime) {
        // Liquibase and others log through java.util.logging; without the bridge they would write to stderr.
        Logging.bridgeJavaUtilLogging();
        OneLineErrors errors = new OneLineErrors();
        return new CommandLine(new LeadhouseCommand(environment, lifetime))
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors);
    }

    @Override
    public Integer call() {
        return ServeCommand.serve(settings(common, Map.of()), lifetime, spec.commandLine().getOut());
    }

    /**
     * Loads and validates every setting for a command.
     *
     * @param own the command's own common options; unset ones fall back to those before the command name
     * @param options values from the command's other options, by setting key
     */
    Settings settings(CommonOptions own, Map<String, String> options) {
        Map<String, String> fromCommandLine = new LinkedHashMap<>(options);
        own.dataDir(common).ifPresent(dir -> fromCommandLine.put(DataDirectory.DIR.key(), dir));
        // SettingsLoader takes null for "no file".
        Path file = own.config(common).or(LeadhouseCommand::defaultConfigFile).orElse(null);
        return new SettingsLoader(SETTINGS).load(file, environment, fromCommandLine);
    }

    /** How long {@code serve} runs. */
    ServeLifetime lifetime() {
        return lifetime;
    }

    private static Optional<Path> defaultConfigFile() {
        Path file = Path.of("config.yml");
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    private static List<Setting> allSettings() {
        List<Setting> all = new ArrayList<>(Leadhouse.SETTINGS);
        all.addAll(AdminSettings.DECLARED);
        return List.copyOf(all);
    }
}
