package io.leadhouse.metaads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadhouse.crypto.Secret;
import io.leadhouse.lead.Lead;
import io.leadhouse.testing.Eventually;
import io.leadhouse.testing.TestServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Replays every file of the shared Meta fixtures (the folder named by the system property
 * {@code leadhouse.fixtures}, sub-folder {@code meta-leadgen}; see SOURCES.md there): webhook
 * bodies through signed POSTs, Graph lead bodies and form listings through the fake Graph API,
 * error bodies as Graph errors. The files are read where they are, never copied.
 */
class MetaFixtureReplayTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final AtomicLong IDS = new AtomicLong(990000000000001L);
    @TempDir
    static Path dataDir;
    static FakeGraph graph;
    static TestServer server;
    static long orgId;
    static Path folder;

    @TestFactory
    Stream<DynamicTest> replaysEverySharedMetaFixture() throws IOException {
        String root = System.getProperty("leadhouse.fixtures", "");
        folder = Path.of(root.isEmpty() ? "missing-fixtures" : root, "meta-leadgen");
        if (!Files.isDirectory(folder)) {
            String reason = "skipped: the shared Meta fixtures folder " + folder + " does not exist; set"
                    + " -Dleadhouse.fixtures to the folder that holds meta-leadgen/ to replay them";
            // Said on the console too (Surefire keeps assumption messages in its reports only), and reported as
            // one skipped test rather than as no test at all.
            LoggerFactory.getLogger(MetaFixtureReplayTest.class).warn("MetaFixtureReplayTest {}", reason);
            return Stream.of(DynamicTest.dynamicTest("shared Meta fixtures", () -> Assumptions.abort(reason)));
        }
        graph = FakeGraph.start();
        server = TestServer.start(dataDir, MetaTestKit.settings(graph));
        orgId = MetaTestKit.orgId(server);
        // Every page connected here also has this form; the poller finds no leads on it.
        graph.formPage(MetaTestKit.FORM_ID, "", new FakeGraph.Answer(200, "{\"data\":[]}"));
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(Files::isRegularFile).sorted().toList();
        }
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> replay(file)));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
            graph.close();
        }
    }

    private static void replay(Path file) throws Exception {
        String name = file.getFileName().toString();
        if (name.equals("signature_vectors.json")) {
            replaySignatureVectors(file);
        } else if (name.equals("webhook_verify_request.txt")) {
            replayHandshake(file);
        } else if (name.equals("webhook_leadgen_signed_headers.txt")) {
            replaySignedHeaders(file);
        } else if (name.startsWith("webhook_") && name.endsWith(".json")) {
            replayWebhook(file);
        } else if (name.startsWith("graph_lead_get_")) {
            replayGraphLead(file);
        } else if (name.startsWith("graph_form_leads_")) {
            replayFormListing(file);
        } else if (name.startsWith("graph_error_")) {
            replayGraphError(file);
        } else if (name.equals("graph_page_leadgen_forms.json")) {
            // Leadhouse does not list a page's forms (an Admin names them); the file must still be readable.
            assertEquals(true, MetaJson.parse(Files.readAllBytes(file)).map(JsonNode::isObject).orElse(false));
        } else if (name.endsWith(".json") || name.endsWith(".txt")) {
            fail("no replay rule for " + name + "; add one to " + MetaFixtureReplayTest.class.getSimpleName());
        } else {
            Assumptions.abort(name + " is not a fixture (neither .json nor .txt)");
        }
    }

    private static void replayWebhook(Path file) throws Exception {
        byte[] body = Files.readAllBytes(file);
        JsonNode root = JSON.readTree(body);
        Set<String> expected = leadgenIds(root);
        pageIds(root).forEach(MetaFixtureReplayTest::connect);
        expected.forEach(id -> graph.leadFromResource(id, "meta/lead_full.json"));

        HttpResponse<String> answer = MetaTestKit.postSigned(server, body);
        assertEquals(200, answer.statusCode(), answer.body());
        long delivery = MetaTestKit.newestDelivery(server.app().database()).id();
        Eventually.await(WAIT, file.getFileName() + " processed",
                () -> "done".equals(MetaTestKit.delivery(server.app().database(), delivery).state()));
        for (String id : expected) {
            assertEquals(1L, MetaTestKit.leadCount(server.app().database(), id), "leads for " + id);
        }
    }

    private static void replayGraphLead(Path file) throws Exception {
        String leadgenId = Long.toString(IDS.incrementAndGet());
        String text = Files.readString(file, StandardCharsets.UTF_8);
        connect(MetaTestKit.PAGE_ID);
        graph.lead(leadgenId, new FakeGraph.Answer(200, text));
        assertEquals(200, MetaTestKit.postSigned(server,
                MetaTestKit.leadgenDelivery(MetaTestKit.PAGE_ID, leadgenId)).statusCode());

        Lead lead = awaitLead(leadgenId);
        List<Lead.Answer> given = new ArrayList<>();
        for (JsonNode field : JSON.readTree(text).path("field_data")) {
            List<String> values = new ArrayList<>();
            field.path("values").forEach(value -> values.add(value.asText()));
            given.add(new Lead.Answer(field.path("name").asText(), String.join(", ", values)));
        }
        assertEquals(given, lead.answers());
        assertEquals(answer(given, "email"), lead.email());
        assertEquals(answer(given, "full_name"), lead.name());
    }

    private static void replayFormListing(Path file) throws Exception {
        String formId = "447333180259108";
        connect(MetaTestKit.PAGE_ID, formId);
        Path first = folder.resolve("graph_form_leads_page1.json");
        Path last = folder.resolve("graph_form_leads_page2_last.json");
        if (file.getFileName().toString().contains("empty")) {
            graph.formPage(formId, "", new FakeGraph.Answer(200, Files.readString(file)));
        } else {
            graph.formPage(formId, "", new FakeGraph.Answer(200, Files.readString(first)));
            String after = JSON.readTree(first.toFile()).path("paging").path("cursors").path("after").asText();
            graph.formPage(formId, after, new FakeGraph.Answer(200, Files.readString(last)));
        }

        MetaSyncJob.Summary summary = server.app().metaAds().syncJob().runOnce();

        assertEquals(0, summary.formsFailed());
        for (JsonNode lead : JSON.readTree(file.toFile()).path("data")) {
            assertEquals(1L, MetaTestKit.leadCount(server.app().database(), lead.path("id").asText()));
        }
    }

    private static void replayGraphError(Path file) throws Exception {
        String pageId = Long.toString(IDS.incrementAndGet());
        String leadgenId = Long.toString(IDS.incrementAndGet());
        connect(pageId);
        JsonNode error = JSON.readTree(file.toFile()).path("error");
        graph.lead(leadgenId, new FakeGraph.Answer(400, Files.readString(file)));
        MetaTestKit.postSigned(server, MetaTestKit.leadgenDelivery(pageId, leadgenId));
        long delivery = MetaTestKit.newestDelivery(server.app().database()).id();

        Eventually.await(WAIT, "an attempt recorded",
                () -> MetaTestKit.delivery(server.app().database(), delivery).attempts() >= 1);
        MetaTestKit.DeliveryRow row = MetaTestKit.delivery(server.app().database(), delivery);
        boolean tokenRejected = error.path("code").asInt() == GraphError.INVALID_TOKEN;
        assertEquals(tokenRejected ? "needs_reconnection" : "pending", row.state());
        assertEquals(true, row.lastError().contains("error " + error.path("code").asInt()), row.lastError());
        assertEquals(tokenRejected ? MetaPage.NEEDS_RECONNECTION : MetaPage.CONNECTED,
                server.app().metaConnections().page(orgId, pageId).orElseThrow().status());
    }

    private static void replaySignatureVectors(Path file) throws Exception {
        try {
            for (JsonNode vector : JSON.readTree(file.toFile()).path("vectors")) {
                byte[] body = vector.has("body_file")
                        ? Files.readAllBytes(folder.resolve(vector.path("body_file").asText()))
                        : vector.path("body_utf8").asText().getBytes(StandardCharsets.UTF_8);
                useAppSecret(vector.path("app_secret").asText());
                HttpResponse<String> answer = MetaTestKit.post(server, body,
                        Optional.of(vector.path("x_hub_signature_256").asText()));
                boolean isObject = MetaJson.parse(body).map(JsonNode::isObject).orElse(false);
                int expected = !vector.path("expected_valid").asBoolean() ? 401 : isObject ? 200 : 400;
                assertEquals(expected, answer.statusCode(), vector.path("name").asText() + ": " + answer.body());
            }
        } finally {
            useAppSecret(MetaTestKit.APP_SECRET);
        }
    }

    private static void replaySignedHeaders(Path file) throws Exception {
        String signature = Files.readAllLines(file).stream()
                .filter(line -> line.toLowerCase(Locale.ROOT).startsWith("x-hub-signature-256:"))
                .map(line -> line.substring(line.indexOf(':') + 1).strip())
                .findFirst().orElseThrow();
        JsonNode vector = findVector("webhook_leadgen_signed_body.bin.json");
        byte[] body = Files.readAllBytes(folder.resolve("webhook_leadgen_signed_body.bin.json"));
        try {
            useAppSecret(vector.path("app_secret").asText());
            assertEquals(200, MetaTestKit.post(server, body, Optional.of(signature)).statusCode());
            assertEquals(401, MetaTestKit.post(server, body,
                    Optional.of(MetaTestKit.sign(body, MetaTestKit.APP_SECRET))).statusCode());
        } finally {
            useAppSecret(MetaTestKit.APP_SECRET);
        }
    }

    private static void replayHandshake(Path file) throws Exception {
        String requestLine = Files.readAllLines(file).get(0);
        String target = requestLine.split(" ")[1];
        String query = target.substring(target.indexOf('?') + 1);
        String token = param(query, "hub.verify_token");
        String challenge = param(query, "hub.challenge");
        try {
            server.app().metaConnections().configureApp(Secret.of(MetaTestKit.APP_SECRET), Secret.of(token));
            HttpResponse<String> answer = server.get(target, null);
            assertEquals(200, answer.statusCode());
            assertEquals(challenge, answer.body());
            assertEquals(403, server.get(target.replace(token, token + "-wrong"), null).statusCode());
        } finally {
            useAppSecret(MetaTestKit.APP_SECRET);
        }
    }

    private static JsonNode findVector(String bodyFile) throws IOException {
        for (JsonNode vector : JSON.readTree(folder.resolve("signature_vectors.json").toFile()).path("vectors")) {
            if (bodyFile.equals(vector.path("body_file").asText())) {
                return vector;
            }
        }
        throw new AssertionError("signature_vectors.json has no vector for " + bodyFile);
    }

    private static void useAppSecret(String secret) {
        server.app().metaConnections().configureApp(Secret.of(secret), Secret.of(MetaTestKit.VERIFY_TOKEN));
    }

    private static String param(String query, String name) {
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        throw new AssertionError("no " + name + " in " + query);
    }

    private static String answer(List<Lead.Answer> answers, String key) {
        return answers.stream().filter(answer -> answer.question().equalsIgnoreCase(key)).map(Lead.Answer::answer)
                .findFirst().orElse("");
    }

    private static Set<String> leadgenIds(JsonNode root) {
        Set<String> ids = new LinkedHashSet<>();
        if (!"page".equals(root.path("object").asText())) {
            return ids;
        }
        for (JsonNode entry : root.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                JsonNode id = change.path("value").path("leadgen_id");
                if ("leadgen".equals(change.path("field").asText()) && !id.isMissingNode()) {
                    ids.add(id.isNumber() ? id.bigIntegerValue().toString() : id.asText());
                }
            }
        }
        return ids;
    }

    private static Set<String> pageIds(JsonNode root) {
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode entry : root.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                JsonNode id = change.path("value").path("page_id");
                if (!id.isMissingNode()) {
                    ids.add(id.isNumber() ? id.bigIntegerValue().toString() : id.asText());
                }
            }
        }
        return ids;
    }

    private static void connect(String pageId) {
        connect(pageId, MetaTestKit.FORM_ID);
    }

    private static void connect(String pageId, String formId) {
        List<String> forms = new ArrayList<>(server.app().metaConnections().page(orgId, pageId)
                .map(MetaPage::formIds).orElse(List.of()));
        if (!forms.contains(formId)) {
            forms.add(formId);
        }
        server.app().metaConnections().connectPage(orgId, pageId, "Fixture page " + pageId,
                Secret.of(MetaTestKit.PAGE_TOKEN), forms);
    }

    private static Lead awaitLead(String leadgenId) {
        Eventually.await(WAIT, "lead meta:" + leadgenId,
                () -> MetaTestKit.leadId(server.app().database(), orgId, leadgenId).isPresent());
        return server.app().leads().get(orgId, MetaTestKit.leadId(server.app().database(), orgId, leadgenId).get());
    }
}
