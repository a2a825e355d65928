package io.leadhouse.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadhouse.lead.IncomingLead;
import io.leadhouse.lead.Lead;
import io.leadhouse.testing.Browser;
import io.leadhouse.testing.TestServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The web UI in Debian's real Chromium against the real server: sign-in, the leads list, the lead
 * page, sign-out. Every test fails on a browser console error it did not declare.
 */
class WebUiBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TIME_ZONE = "Asia/Kolkata";
    private static final String HOSTILE_NAME =
            "<script>window.hacked=1</script><img src=x onerror=\"window.hacked=2\">";

    @TempDir
    static Path dataDir;
    static TestServer server;
    static long manualLeadId;
    static String manualLeadCreatedAt;
    static long metaLeadId;
    static long hostileLeadId;
    private Browser browser;

    @BeforeAll
    static void startServerWithLeads() throws IOException {
        server = TestServer.start(dataDir);
        String token = server.ownerToken();
        long orgId = JSON.readTree(server.get("/api/v1/auth/me", token).body()).get("orgId").asLong();
        hostileLeadId = createLead(token,
                "{\"name\":" + JSON.writeValueAsString(HOSTILE_NAME) + ",\"city\":\"Nowhere\"}");
        metaLeadId = server.app().leads().upsert(orgId, metaLead()).leadId();
        HttpResponse<String> created = server.postJson("/api/v1/leads",
                "{\"name\":\"Asha Rao\",\"phone\":\"098765 43210\",\"email\":\"asha@example.test\","
                        + "\"city\":\"Pune\",\"company\":\"Rao Traders\"}", token);
        JsonNode manual = JSON.readTree(created.body());
        manualLeadId = manual.get("id").asLong();
        manualLeadCreatedAt = manual.get("createdAt").asText();
    }

    private static long createLead(String token, String json) throws IOException {
        HttpResponse<String> created = server.postJson("/api/v1/leads", json, token);
        assertEquals(201, created.statusCode(), created.body());
        return JSON.readTree(created.body()).get("id").asLong();
    }

    private static IncomingLead metaLead() {
        return new IncomingLead(Optional.of("meta:9007199254740993"), "Vikram Singh", "vikram@example.test",
                "+91 91234 56789", "Jaipur", "", "meta", Optional.empty(),
                Map.of("pageId", "110000000000001", "formId", "220000000000002", "adId", "330000000000003",
                        "campaignId", "440000000000004", "createdTime", "2026-12-01T09:30:00+0000"),
                List.of(new Lead.Answer("What is your budget?", "₹5–10 lakh <approx> & flexible"),
                        new Lead.Answer("When do you want to buy?", "Within 3 months 🏠")));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void startBrowser() {
        browser = Browser.start(TIME_ZONE, "en-IN");
    }

    @AfterEach
    void closeBrowserAfterCheckingConsole() {
        try {
            browser.assertNoConsoleErrors();
        } finally {
            browser.close();
        }
    }

    @Test
    void signingInShowsTheLeadsListNewestFirst() {
        signIn("/");

        browser.await(By.cssSelector("#lead-list[aria-busy='false'] .lead-row"));
        List<String> names = browser.driver().findElements(By.cssSelector("#lead-list .lead-name"))
                .stream().map(WebElement::getText).toList();
        assertEquals(List.of("Asha Rao", "Vikram Singh", HOSTILE_NAME), names);
        assertEquals(server.url() + "/leads", browser.url());
        assertEquals("Leads 1–3 of 3, newest first", browser.await(By.id("list-status")).getText());
    }

    @Test
    void leadsListShowsCreatedTimeInTheBrowsersTimeZone() {
        signIn("/leads");

        WebElement time = browser.await(By.cssSelector(".lead-row a[href='/leads/" + manualLeadId + "']"))
                .findElement(By.xpath("ancestor::li")).findElement(By.tagName("time"));
        Instant created = Instant.parse(manualLeadCreatedAt).truncatedTo(ChronoUnit.MILLIS);
        String expectedClock = DateTimeFormatter.ofPattern("h:mm").format(created.atZone(ZoneId.of(TIME_ZONE)));
        Matcher clock = Pattern.compile("(\\d{1,2}:\\d{2})").matcher(time.getText());
        assertEquals(true, clock.find(), time.getText());
        assertEquals(expectedClock, clock.group(1));
        assertEquals(created, Instant.parse(time.getAttribute("datetime")));
    }

    @Test
    void leadPageShowsContactAnswersSourceAndTimeline() {
        signIn("/leads");
        browser.await(By.cssSelector(".lead-row a[href='/leads/" + metaLeadId + "']")).click();

        assertEquals("Vikram Singh", leadHeading());
        assertEquals("tel:+919123456789", browser.await(By.cssSelector("#lead-contact ~ dl a[href^='tel:']"))
                .getAttribute("href"));
        assertEquals("mailto:vikram@example.test", browser.await(By.cssSelector("a[href^='mailto:']"))
                .getAttribute("href"));
        assertEquals(List.of("What is your budget?", "₹5–10 lakh <approx> & flexible",
                "When do you want to buy?", "Within 3 months 🏠"), texts(".answers dt, .answers dd"));
        assertEquals(List.of("Came from", "Meta lead ad", "Page ID", "110000000000001", "Form ID",
                "220000000000002", "Ad ID", "330000000000003", "Campaign ID", "440000000000004"),
                texts("#lead-source ~ dl > *").subList(0, 10));
        assertEquals(1, browser.driver().findElements(By.cssSelector(".timeline-event")).size());
        assertEquals("created", browser.await(By.cssSelector(".timeline-event")).getAttribute("data-kind"));
    }

    @Test
    void signingOutLandsOnTheSignInPage() {
        signIn("/leads");
        browser.await(By.cssSelector("#lead-list[aria-busy='false']"));

        browser.await(By.id("sign-out")).click();

        browser.waitUntil("the sign-in page", driver -> driver.getCurrentUrl().endsWith("/sign-in"));
        browser.open(server.url() + "/leads");
        assertEquals(server.url() + "/sign-in?next=%2Fleads", browser.url());
    }

    @Test
    void wrongPasswordShowsTheProblemAndKeepsTheEmail() {
        browser.expectConsoleError("/api/v1/auth/login .*status of 401");
        browser.open(server.url() + "/sign-in");

        browser.await(By.id("email")).sendKeys(TestServer.OWNER_EMAIL);
        browser.await(By.id("password")).sendKeys("not the password");
        browser.await(By.id("sign-in-submit")).click();

        assertEquals("Sign-in failed: the email or password is wrong", browser.await(By.id("sign-in-error")).getText());
        assertEquals(TestServer.OWNER_EMAIL, browser.await(By.id("email")).getDomProperty("value"));
        assertEquals("", browser.await(By.id("password")).getDomProperty("value"));
        assertEquals(server.url() + "/sign-in", browser.url());
    }

    @Test
    void signedOutVisitToALeadReturnsThereAfterSigningIn() {
        browser.open(server.url() + "/leads/" + manualLeadId);
        assertEquals(server.url() + "/sign-in?next=%2Fleads%2F" + manualLeadId, browser.url());

        browser.submitOwnerCredentials();

        browser.waitUntil("the lead page", driver -> driver.getCurrentUrl().endsWith("/leads/" + manualLeadId));
        assertEquals("Asha Rao", leadHeading());
    }

    @Test
    void keyboardAloneFindsAndOpensALeadWithVisibleFocus() {
        signIn("/leads");
        browser.await(By.cssSelector("#lead-list[aria-busy='false'] .lead-row"));

        new Actions(browser.driver()).sendKeys("/").perform();
        assertEquals("search-q", activeElement().getAttribute("id"));
        // Past the search button, the filter bar and the saved views: the first stop in the list is its newest lead.
        for (int stop = 0; stop < 30 && activeElement().findElements(By.xpath("ancestor::ol[@id='lead-list']"))
                .isEmpty(); stop++) {
            new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
        }
        WebElement focused = activeElement();
        assertEquals("Asha Rao", focused.getText());
        assertEquals("solid", focused.findElement(By.xpath("ancestor::li")).getCssValue("outline-style"));
        new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();

        assertEquals("Asha Rao", leadHeading());
    }

    @Test
    void leadNamesWithMarkupAreShownAsText() {
        signIn("/leads");
        WebElement link = browser.await(By.cssSelector(".lead-row a[href='/leads/" + hostileLeadId + "']"));
        assertEquals(HOSTILE_NAME, link.getText());

        link.click();

        assertEquals(HOSTILE_NAME, leadHeading());
        assertEquals(0, browser.driver().findElements(By.cssSelector("#lead img, #lead-list img")).size());
        assertEquals(null, browser.script("return window.hacked === undefined ? null : window.hacked"));
    }

    @Test
    void unknownLeadShowsNotFoundWithAWayBack() {
        browser.expectConsoleError("/api/v1/leads/987654 .*status of 404");
        signIn("/leads/987654");

        assertEquals("Lead not found", leadHeading());
        browser.await(By.linkText("← All leads"));
        browser.driver().findElement(By.cssSelector("#lead a[href='/leads']")).click();
        browser.await(By.cssSelector("#lead-list[aria-busy='false'] .lead-row"));
    }

    @Test
    void searchBoxFindsALeadByPhoneTypedAnotherWayAndOpensIt() {
        signIn("/leads");
        browser.await(By.cssSelector("#lead-list[aria-busy='false']"));

        browser.await(By.id("search-q")).sendKeys("+91 98765-43210");

        browser.waitUntil("the search result for the phone", driver -> texts(".lead-row .lead-name")
                .equals(List.of("Asha Rao")));
        assertEquals(server.url() + "/leads?q=%2B91%2098765-43210", browser.url());
        browser.driver().findElement(By.linkText("Asha Rao")).click();
        assertEquals("Asha Rao", leadHeading());
    }

    @Test
    void pagesLoadWithoutLayoutShift() {
        signIn("/leads");
        browser.await(By.cssSelector("#lead-list[aria-busy='false'] .lead-row"));
        assertEquals(0.0, layoutShift(), 0.001, "cumulative layout shift of the leads list");

        browser.open(server.url() + "/leads/" + metaLeadId);
        leadHeading();
        assertEquals(0.0, layoutShift(), 0.001, "cumulative layout shift of the lead page");
    }

    @Test
    void screenshotsOfTheMainPagesAtDesktopAndPhoneWidths() throws IOException {
        browser.open(server.url() + "/sign-in");
        browser.await(By.id("email"));
        List<Path> saved = new ArrayList<>(browser.screenshots("sign-in"));
        browser.submitOwnerCredentials();
        browser.await(By.cssSelector("#lead-list[aria-busy='false'] .lead-row"));
        saved.addAll(browser.screenshots("leads"));
        browser.open(server.url() + "/leads/" + metaLeadId);
        leadHeading();
        saved.addAll(browser.screenshots("lead"));

        assertEquals(6, saved.stream().filter(Files::isRegularFile).count());
        assertEquals(List.of("sign-in-desktop.png", "sign-in-phone.png", "leads-desktop.png", "leads-phone.png",
                "lead-desktop.png", "lead-phone.png"),
                saved.stream().map(file -> file.getFileName().toString()).toList());
    }

    private void signIn(String path) {
        browser.signInAsOwner(server.url() + path);
    }

    private WebElement activeElement() {
        return browser.driver().switchTo().activeElement();
    }

    private String leadHeading() {
        return browser.await(By.cssSelector("#lead[aria-busy='false'] h1")).getText();
    }

    private List<String> texts(String css) {
        return browser.driver().findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    private double layoutShift() {
        Object total = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; let total = 0;"
                        + " new PerformanceObserver((list) => { for (const entry of list.getEntries()) {"
                        + " if (!entry.hadRecentInput) { total += entry.value; } } })"
                        + ".observe({ type: 'layout-shift', buffered: true });"
                        + " setTimeout(() => done(total), 200);");
        return ((Number) total).doubleValue();
    }
}
