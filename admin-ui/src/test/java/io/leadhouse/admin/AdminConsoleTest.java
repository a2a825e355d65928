package io.leadhouse.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadhouse.config.InvalidConfigException;
import io.leadhouse.config.Settings;
import io.leadhouse.testing.LogCapture;
import io.leadhouse.testing.TestServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminConsoleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MARKER = "EAAMARKER7f3c9d1e";
    @TempDir
    static Path dataDir;
    static TestServer server;
    static AdminConsole console;

    @BeforeAll
    static void start() {
        server = TestServer.start(dataDir);
        console = AdminConsole.start(server.app(), AdminSettings.from(Settings.of(AdminSettings.DECLARED,
                Map.of("admin.port", "0"))));
    }

    @AfterAll
    static void stop() {
        console.close();
        server.close();
    }

    @Test
    void listensOnLoopbackByDefault() {
        AdminSettings defaults = AdminSettings.from(Settings.of(AdminSettings.DECLARED, Map.of()));

        assertEquals(new AdminSettings("127.0.0.1", 8081), defaults);
        assertEquals("http://127.0.0.1:" + console.port() + "/admin", console.url());
    }

    @Test
    void stopsStartWithOneLineNamingTheKeyWhenThePortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            InvalidConfigException refused = assertThrows(InvalidConfigException.class,
                    () -> AdminConsole.start(server.app(), new AdminSettings("127.0.0.1", port)));

            assertEquals("admin.port: " + port + " on 127.0.0.1 is in use; stop the program using it or choose"
                    + " another port (LEADHOUSE_ADMIN_PORT)", refused.getMessage());
        }
    }

    @Test
    void namesItsRequestThreads() {
        boolean named = Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.getName().startsWith("admin-http-"));

        assertTrue(named);
    }

    @Test
    void refusesRequestsNamingAnotherHostWhileOnLoopback() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), console.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /admin/api/health HTTP/1.1\r\nHost: rebound.example:" + console.port()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));

            assertEquals("HTTP/1.1 403 Forbidden", in.readLine());
        }
    }

    @Test
    void logsSignInsWithUserAddressAndResultButNoPassword() {
        try (LogCapture capture = LogCapture.begin()) {
            ConsoleClient browser = new ConsoleClient(console);
            String csrf = ConsoleClient.csrf(browser.get("/admin").body());
            browser.postForm("/admin/sign-in", Map.of("csrf", csrf, "email", TestServer.OWNER_EMAIL,
                    "password", MARKER));
            browser.signIn(TestServer.OWNER_EMAIL, TestServer.OWNER_PASSWORD);

            List<String> refused = capture.linesContaining("admin console sign-in email=" + TestServer.OWNER_EMAIL
                    + " address=127.0.0.1 result=refused: wrong email or password");
            List<String> accepted = capture.linesContaining("admin console sign-in email=" + TestServer.OWNER_EMAIL
                    + " address=127.0.0.1 result=signed in as Owner");
            assertEquals(1, refused.size(), capture.lines().toString());
            assertEquals(1, accepted.size(), capture.lines().toString());
            assertEquals(List.of(), capture.linesContaining(MARKER));
            assertEquals(List.of(), capture.linesContaining(TestServer.OWNER_PASSWORD));
        }
    }

    @Test
    void markerTokenReachesNoPageNoJsonAnswerAndNoLogLine() throws Exception {
        List<String> answers = new ArrayList<>();
        try (LogCapture capture = LogCapture.begin()) {
            answers.addAll(connectThroughPages());
            answers.addAll(connectThroughJson());

            assertEquals(List.of(), capture.linesContaining(MARKER));
        }
        List<String> leaks = answers.stream().filter(answer -> answer.contains(MARKER)).toList();
        assertEquals(List.of(), leaks);
        assertEquals(MARKER, server.app().metaConnections().routeForPage("400000001").orElseThrow().accessToken()
                .reveal());
    }

    private static List<String> connectThroughPages() {
        ConsoleClient browser = new ConsoleClient(console);
        String csrf = ConsoleClient.csrf(browser.signIn(TestServer.OWNER_EMAIL, TestServer.OWNER_PASSWORD));
        browser.postForm("/admin/meta/pages", Map.of("csrf", csrf, "pageId", "400000001", "name", "Marker page",
                "accessToken", MARKER, "formIds", "9001"));
        browser.postForm("/admin/meta/pages", Map.of("csrf", csrf, "pageId", "not-digits", "name", "Bad",
                "accessToken", MARKER, "formIds", ""));
        browser.postForm("/admin/meta/app", Map.of("csrf", csrf, "appSecret", MARKER, "verifyToken", ""));
        browser.postForm("/admin/meta/app", Map.of("csrf", csrf, "appSecret", MARKER, "verifyToken", MARKER));
        browser.get("/admin");
        browser.get("/admin?reconnect=400000001");
        return browser.transcript();
    }

    private static List<String> connectThroughJson() throws Exception {
        ConsoleClient script = new ConsoleClient(console);
        String login = ownerLogin();
        String token = JSON.readTree(script.json("POST", "/admin/api/login", login, null).body()).get("token").asText();
        script.json("POST", "/admin/api/meta/pages", "{\"pageId\":\"400000002\",\"name\":\"Marker JSON\","
                + "\"accessToken\":\"" + MARKER + "\",\"formIds\":[\"9002\"]}", token);
        script.json("POST", "/admin/api/meta/pages", "{\"pageId\":\"4x\",\"accessToken\":\"" + MARKER + "\"}", token);
        script.json("POST", "/admin/api/meta/pages", "{\"pageId\":\"4\",\"accessToken\":" + MARKER + "}", token);
        script.json("PUT", "/admin/api/meta/app", "{\"appSecret\":\"" + MARKER + "\",\"verifyToken\":\"" + MARKER
                + "\"}", token);
        script.json("GET", "/admin/api/meta/app", null, token);
        script.json("GET", "/admin/api/meta/pages", null, token);
        return script.transcript();
    }

    private static String ownerLogin() {
        return "{\"email\":\"" + TestServer.OWNER_EMAIL + "\",\"password\":\"" + TestServer.OWNER_PASSWORD + "\"}";
    }
}
