package io.leadhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.leadhouse.metaads.FakeGraph;
import io.leadhouse.metaads.MetaTestKit;
import io.leadhouse.testing.Browser;
import io.leadhouse.testing.Eventually;
import io.leadhouse.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 2's "done when": a signed leadgen webhook makes a lead that the API, the search and the
 * web UI show within a second of the acknowledgement.
 */
class LeadArrivesEndToEndTest {
    private static final Duration WITHIN_A_SECOND = Duration.ofSeconds(1);
    private static final String LEADGEN_ID = "900000000000101";

    @TempDir
    Path dataDir;

    @Test
    void signedLeadgenWebhookShowsInApiSearchAndWebUiWithinASecond() {
        try (FakeGraph graph = FakeGraph.start();
                TestServer server = TestServer.start(dataDir, MetaTestKit.settings(graph))) {
            server.app().metaConnections().connectPage(MetaTestKit.orgId(server), MetaTestKit.PAGE_ID, "Acme Homes",
                    io.leadhouse.crypto.Secret.of(MetaTestKit.PAGE_TOKEN), List.of(MetaTestKit.FORM_ID));
            graph.leadFromResource(LEADGEN_ID, "meta/lead_full.json");
            String token = server.ownerToken();

            assertEquals(200, MetaTestKit.postSigned(server,
                    MetaTestKit.leadgenDelivery(MetaTestKit.PAGE_ID, LEADGEN_ID)).statusCode());

            Eventually.await(WITHIN_A_SECOND, "the lead in GET /api/v1/leads",
                    () -> server.get("/api/v1/leads", token).body().contains("Meera Kulkarni"));
            Eventually.await(WITHIN_A_SECOND, "the lead in GET /api/v1/search",
                    () -> server.get("/api/v1/search?q=Meera", token).body().contains("Meera Kulkarni"));
            try (Browser browser = Browser.start()) {
                browser.signInAsOwner(server.url() + "/leads");
                WebElement link = browser.await(By.linkText("Meera Kulkarni"));
                link.click();
                browser.waitUntil("the lead page", driver -> driver.getCurrentUrl().contains("/leads/"));
                assertEquals("Meera Kulkarni", browser.await(By.cssSelector("#lead[aria-busy='false'] h1")).getText());
                browser.assertNoConsoleErrors();
            }
        }
    }
}
