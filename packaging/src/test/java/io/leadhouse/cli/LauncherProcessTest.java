package io.leadhouse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leadhouse.testing.Eventually;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher as its own process: no command means serve, ./config.yml is read, SIGTERM stops it cleanly. */
class LauncherProcessTest {
    @TempDir
    Path dir;

    private Process process;

    @AfterEach
    void killLeftover() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    @Test
    void servesFromWorkingDirectoryConfigAndExitsZeroOnSigterm() throws Exception {
        int port = FreePorts.next();
        int adminPort = FreePorts.next();
        Files.writeString(dir.resolve("config.yml"), "server:\n  host: 127.0.0.1\n  port: " + port
                + "\nadmin:\n  port: " + adminPort + "\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        ProcessBuilder launcher = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp", System.getProperty("java.class.path"),
                        LeadhouseCommand.class.getName())
                .directory(dir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        launcher.environment().put("LEADHOUSE_SETUP_ORG", "Acme");
        launcher.environment().put("LEADHOUSE_SETUP_OWNER_EMAIL", "owner@acme.example");
        launcher.environment().put("LEADHOUSE_SETUP_OWNER_PASSWORD", "correct horse battery");

        process = launcher.start();
        Eventually.await(Duration.ofSeconds(90), "the admin console URL on stdout",
                () -> read(out).contains("Admin console: ") || !process.isAlive());

        List<String> urls = read(out).lines().filter(line -> line.matches("^[A-Za-z ]+: +http://.*")).toList();
        assertEquals(List.of("Web UI:        http://127.0.0.1:" + port, "API:           http://127.0.0.1:" + port
                + "/api/v1", "Admin console: http://127.0.0.1:" + adminPort + "/admin"), urls, read(err));
        assertEquals(200, get("http://127.0.0.1:" + port + "/observe/health"));
        assertTrue(Files.isRegularFile(dir.resolve("data/keys/keyset.json")), "data in ./data");

        process.destroy();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the process ended after SIGTERM");
        assertEquals(0, process.exitValue(), read(err));
        assertEquals("Leadhouse stopped", lastLogMessage(read(out)));
        assertEquals("", read(err));
    }

    private static int get(String url) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        }
    }

    private static String lastLogMessage(String out) {
        String last = out.lines().toList().getLast();
        return last.substring(last.indexOf(" - ") + 3);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
