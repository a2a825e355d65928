package io.leadhouse.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadhouse.account.User;
import io.leadhouse.crypto.Secret;
import io.leadhouse.lead.IncomingLead;
import io.leadhouse.testing.Browser;
import io.leadhouse.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** The leads list's filter bar and saved views in Debian's real Chromium against the real server. */
class LeadFiltersBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;
    static TestServer server;
    private Browser browser;

    @BeforeAll
    static void startServer() {
        server = TestServer.start(dataDir);
        User owner = server.app().accounts().authenticate(Secret.of(server.ownerToken())).orElseThrow();
        for (String name : List.of("Hand One", "Meta One", "Hand Two", "Meta Two")) {
            String kind = name.startsWith("Meta") ? "meta" : "manual";
            server.app().leads().upsert(owner.orgId(), new IncomingLead(Optional.of(kind + ":" + name), name, "",
                    "", "Pune", "", kind, Optional.empty(), Map.of(), List.of()));
        }
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void startBrowser() {
        browser = Browser.start("Asia/Kolkata", "en-IN");
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
    void filterToMetaSaveTheViewApplyItAfterReloadAndDeleteIt() throws IOException {
        signIn("/leads");
        awaitNames(List.of("Meta Two", "Hand Two", "Meta One", "Hand One"));

        new Select(browser.await(By.id("filter-source"))).selectByValue("meta");
        awaitNames(List.of("Meta Two", "Meta One"));
        assertEquals("/leads?source=meta", path(browser.url()));
        assertEquals("Leads 1\u20132 of 2 matching the filters, newest first",
                browser.await(By.id("list-status")).getText());

        browser.await(By.id("view-name")).sendKeys("Meta leads");
        browser.await(By.id("save-view")).click();
        browser.waitUntil("the saved view's button", driver -> viewButtons().equals(List.of("Meta leads")));
        assertEquals("Saved the view \u201cMeta leads\u201d.", browser.await(By.id("view-status")).getText());

        browser.open(server.url() + "/leads");
        awaitNames(List.of("Meta Two", "Hand Two", "Meta One", "Hand One"));
        browser.waitUntil("the saved views", driver -> viewButtons().equals(List.of("Meta leads")));
        browser.await(By.cssSelector(".view-apply")).click();
        awaitNames(List.of("Meta Two", "Meta One"));
        assertEquals("/leads?source=meta", path(browser.url()));
        assertEquals("meta", new Select(browser.await(By.id("filter-source"))).getFirstSelectedOption()
                .getDomAttribute("value"));
        assertEquals("true", browser.await(By.cssSelector(".view-apply")).getDomAttribute("aria-pressed"));

        browser.await(By.cssSelector(".view-delete")).click();
        browser.waitUntil("the view to be gone", driver -> viewButtons().isEmpty());
        assertEquals("Deleted the view \u201cMeta leads\u201d.", browser.await(By.id("view-status")).getText());
        assertEquals(0, JSON.readTree(server.get("/api/v1/views", server.ownerToken()).body()).get("items").size());
    }

    @Test
    void filtersInTheUrlAreShownAndApplied() {
        signIn("/leads?source=manual&status=open");
        awaitNames(List.of("Hand Two", "Hand One"));
        assertEquals("manual", new Select(browser.await(By.id("filter-source"))).getFirstSelectedOption()
                .getDomAttribute("value"));

        browser.await(By.id("filter-clear")).click();
        awaitNames(List.of("Meta Two", "Hand Two", "Meta One", "Hand One"));
        assertEquals("/leads", path(browser.url()));
    }

    @Test
    void screenshotsOfFiltersAndViewsAtDesktopAndPhoneWidths() {
        signIn("/leads?source=meta");
        awaitNames(List.of("Meta Two", "Meta One"));
        browser.waitUntil("the saved views", driver -> "false".equals(
                driver.findElement(By.id("view-list")).getDomAttribute("aria-busy")));

        List<Path> saved = browser.screenshots("leads-filtered");
        browser.resize(Browser.PHONE);
        Number pageWidth = (Number) browser.script("return document.documentElement.scrollWidth");

        assertEquals(List.of("leads-filtered-desktop.png", "leads-filtered-phone.png"),
                saved.stream().map(file -> file.getFileName().toString()).toList());
        assertEquals(2, saved.stream().filter(Files::isRegularFile).count());
        assertEquals(Browser.PHONE.width, pageWidth.intValue(), "no sideways scrolling at phone width");
    }

    private void awaitNames(List<String> names) {
        browser.waitUntil("the leads " + names, driver -> names.equals(browser.script(
                "const list = document.getElementById('lead-list');"
                + " return list.getAttribute('aria-busy') === 'false'"
                + " ? [...list.querySelectorAll('.lead-name')].map(link => link.textContent) : null")));
    }

    // Read in one script, so a list the page is redrawing never yields a stale element.
    private List<?> viewButtons() {
        return (List<?>) browser.script("return [...document.querySelectorAll('#view-list .view-apply')]"
                + ".map(button => button.textContent)");
    }

    private static String path(String url) {
        return url.substring(server.url().length());
    }

    private void signIn(String path) {
        browser.signInAsOwner(server.url() + path);
    }
}
