package io.leadhouse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.leadhouse.config.Settings;
import io.leadhouse.http.ServerSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {
    @TempDir
    Path dir;

    @Test
    void servesOnPortOptionOverEnvironmentAndFileAndPrintsTheUrls() throws Exception {
        int port = FreePorts.next();
        Path config = write("config.yml", "server:\n  port: 1\n");

        CliRun run = CliRun.run(Map.of("LEADHOUSE_SERVER_PORT", "2"), "serve", "--config", config.toString(),
                "--port", Integer.toString(port), "--host", "127.0.0.1", "--admin-port", "0",
                "--data-dir", dir.resolve("data").toString());

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        String admin = lines.get(2).substring("Admin console: ".length());
        assertEquals(List.of(
                "Web UI:        http://127.0.0.1:" + port,
                "API:           http://127.0.0.1:" + port + "/api/v1",
                "Admin console: " + admin,
                "First run: finish setup (organization and Owner) in the admin console at " + admin), lines);
        assertEquals("", run.err());
    }

    @Test
    void takesPortFromEnvironmentOverFile() throws Exception {
        Path config = write("config.yml", "server:\n  port: 9001\n");

        Settings settings = settings(Map.of("LEADHOUSE_SERVER_PORT", "9002"), "--config", config.toString());

        assertEquals(9002, settings.integer(ServerSettings.PORT));
    }

    @Test
    void takesPortFromFileOverDefault() throws Exception {
        Path config = write("config.yml", "server:\n  port: 9001\n");

        Settings settings = settings(Map.of(), "--config", config.toString());

        assertEquals(9001, settings.integer(ServerSettings.PORT));
    }

    @Test
    void takesDefaultPortWhenNothingSetsIt() {
        Settings settings = settings(Map.of(), "--config", write("config.yml", "# nothing set\n").toString());

        assertEquals(8080, settings.integer(ServerSettings.PORT));
    }

    @Test
    void namesUnknownKeyInOneLineWithUsageExitCode() {
        Path config = write("config.yml", "server:\n  prot: 8080\n");

        CliRun run = CliRun.run(Map.of(), "serve", "--config", config.toString());

        assertEquals(new CliRun(2, "", "leadhouse: " + config
                + ": unknown setting server.prot; see config.yml for the settings Leadhouse knows\n"), run);
    }

    @Test
    void namesPortAndRangeWhenItIsNotANumber() {
        Path config = write("config.yml", "server:\n  port: abc\n");

        CliRun run = CliRun.run(Map.of(), "serve", "--config", config.toString());

        assertEquals(new CliRun(2, "", "leadhouse: " + config
                + ": server.port is 'abc'; use a whole number 0-65535\n"), run);
    }

    @Test
    void namesPortAndRangeWhenItIsOutOfRange() {
        Path config = write("config.yml", "server:\n  port: 70000\n");

        CliRun run = CliRun.run(Map.of(), "serve", "--config", config.toString());

        assertEquals(new CliRun(2, "", "leadhouse: " + config + ": server.port is 70000; use 0-65535\n"), run);
    }

    @Test
    void namesPortOptionWhenItIsOutOfRange() {
        CliRun run = CliRun.run(Map.of(), "serve", "--port", "70000");

        assertEquals(new CliRun(2, "", "leadhouse: command line: server.port is 70000; use 0-65535\n"), run);
    }

    @Test
    void namesDataDirWhenItCannotBeCreated() {
        Path data = write("afile", "not a directory").resolve("data");

        CliRun run = CliRun.run(Map.of(), "serve", "--data-dir", data.toString());

        assertEquals(new CliRun(2, "", "leadhouse: data.dir: " + data + " is not writable (FileSystemException);"
                + " give Leadhouse's user write access or choose another directory with --data-dir\n"), run);
    }

    @Test
    void namesServerPortWhenItIsInUse() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            CliRun run = CliRun.run(Map.of(), "serve", "--host", "127.0.0.1", "--port", Integer.toString(port),
                    "--admin-port", "0", "--data-dir", dir.resolve("data").toString());

            assertEquals(new CliRun(2, "", "leadhouse: server.port: " + port
                    + " on 127.0.0.1 is in use; stop the program using it or choose another port"
                    + " (LEADHOUSE_SERVER_PORT)\n"), run);
        }
    }

    @Test
    void namesAdminPortWhenItIsInUse() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            CliRun run = CliRun.run(Map.of(), "serve", "--host", "127.0.0.1", "--port", "0",
                    "--admin-port", Integer.toString(port), "--data-dir", dir.resolve("data").toString());

            assertEquals(new CliRun(2, "", "leadhouse: admin.port: " + port
                    + " on 127.0.0.1 is in use; stop the program using it or choose another port"
                    + " (LEADHOUSE_ADMIN_PORT)\n"), run);
        }
    }

    @Test
    void setsUpOrganizationFromEnvironmentSoTheOwnerCanSignIn() {
        Map<String, String> environment = Map.of(
                "LEADHOUSE_SETUP_ORG", "Acme",
                "LEADHOUSE_SETUP_OWNER_EMAIL", "owner@acme.example",
                "LEADHOUSE_SETUP_OWNER_PASSWORD", "correct horse battery");
        List<Integer> signInStatus = new ArrayList<>();
        int port = FreePorts.next();

        CliRun run = CliRun.run(environment, () -> signInStatus.add(signIn(port)), "serve", "--host", "127.0.0.1",
                "--port", Integer.toString(port), "--admin-port", "0", "--data-dir", dir.resolve("data").toString());

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of(200), signInStatus);
        assertEquals(3, run.out().lines().count(), "no first-run line once set up: " + run.out());
    }

    @Test
    void reportsUnexpectedFailureInOneLineAndClosesEverything() {
        Path data = dir.resolve("data");
        ServeLifetime failing = () -> {
            throw new IllegalStateException("boom");
        };

        CliRun run = CliRun.run(Map.of(), failing, "serve", "--host", "127.0.0.1", "--port", "0", "--admin-port", "0",
                "--data-dir", data.toString());

        assertEquals(1, run.exitCode());
        assertEquals("leadhouse: unexpected IllegalStateException in 'leadhouse serve';"
                + " the log on standard output has the details\n", run.err());
        assertEquals(0, CliRun.run(Map.of(), "init", "--data-dir", data.toString()).exitCode(),
                "the database was closed, so init can open it");
    }

    private static int signIn(int port) {
        String body = "{\"email\":\"owner@acme.example\",\"password\":\"correct horse battery\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Settings settings(Map<String, String> environment, String... args) {
        CommandLine command = LeadhouseCommand.commandLine(environment, () -> {});
        command.parseArgs(args);
        LeadhouseCommand leadhouse = command.getCommand();
        return leadhouse.settings(new CommonOptions(), Map.of());
    }

    private Path write(String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
