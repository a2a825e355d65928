package io.leadhouse.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadhouse.testing.Browser;
import io.leadhouse.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The add-a-lead form in Debian's real Chromium against the real server. Every test fails on a
 * browser console error it did not declare, so a request the form must not send shows up as one.
 */
class AddLeadBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;
    static TestServer server;
    private Browser browser;

    @BeforeAll
    static void startServer() {
        server = TestServer.start(dataDir);
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
    void addingALeadOpensItsPageWithThePhoneInE164() {
        signIn("/leads");
        browser.await(By.id("add-lead")).click();
        browser.waitUntil("the add-lead page", driver -> driver.getCurrentUrl().endsWith("/leads/new"));

        type(Map.of("name", "Meera Iyer", "phone", "098123 45678", "email", "meera@example.test",
                "city", "Chennai", "company", "Iyer Textiles"));
        browser.await(By.id("add-lead-submit")).click();

        browser.waitUntil("the new lead's page", driver -> driver.getCurrentUrl().matches(".*/leads/\\d+"));
        assertEquals("Meera Iyer", browser.await(By.cssSelector("#lead[aria-busy='false'] h1")).getText());
        assertEquals("+919812345678", browser.await(By.cssSelector("#lead-contact ~ dl a[href^='tel:']")).getText());
        assertEquals("Iyer Textiles · Chennai", browser.await(By.cssSelector(".lead-sub")).getText());
    }

    @Test
    void badEmailShowsTheApisMessageAndKeepsWhatWasTyped() {
        browser.expectConsoleError("/api/v1/leads .*status of 400");
        signIn("/leads/new");
        Map<String, String> typed = Map.of("name", "Ravi Kumar", "phone", "98765 00000", "email", "ravi at example",
                "city", "Delhi", "company", "");
        type(typed);

        browser.await(By.id("add-lead-submit")).click();

        assertEquals("The lead was not added: 'email' is 'ravi at example', which is not an email address;"
                + " use name@example.com or leave it out", browser.await(By.id("add-lead-error")).getText());
        for (Map.Entry<String, String> field : typed.entrySet()) {
            assertEquals(field.getValue(), browser.await(By.id(field.getKey())).getDomProperty("value"));
        }
        WebElement focused = browser.driver().switchTo().activeElement();
        assertEquals("email", focused.getAttribute("id"));
        assertEquals("true", focused.getAttribute("aria-invalid"));
        assertEquals("solid", focused.getCssValue("outline-style"));
        assertEquals("Add lead", browser.await(By.id("add-lead-submit")).getText());
        assertEquals(server.url() + "/leads/new", browser.url());
    }

    @Test
    void formWithoutNameEmailOrPhoneIsRefusedBeforeSending() throws IOException {
        long before = leadCount();
        signIn("/leads/new");
        type(Map.of("city", "Mumbai", "company", "Nobody Ltd"));

        browser.await(By.id("add-lead-submit")).click();

        assertEquals("Give a name, a phone number or an email, so the lead can be told apart and reached.",
                browser.await(By.id("add-lead-error")).getText());
        assertEquals("name", browser.driver().switchTo().activeElement().getAttribute("id"));
        assertEquals("Mumbai", browser.await(By.id("city")).getDomProperty("value"));
        assertEquals(before, leadCount());
    }

    @Test
    void submitButtonIsDisabledWhileSendingSoTwoQuickSubmitsAddOneLead() throws IOException {
        long before = leadCount();
        signIn("/leads/new");
        type(Map.of("name", "Quick Twice"));

        Object disabledAfterFirst = browser.script("const form = document.getElementById('add-lead-form');"
                + " form.requestSubmit(); const disabled = document.getElementById('add-lead-submit').disabled;"
                + " form.requestSubmit(); return disabled;");

        assertEquals(true, disabledAfterFirst);
        browser.waitUntil("the new lead's page", driver -> driver.getCurrentUrl().matches(".*/leads/\\d+"));
        assertEquals("Quick Twice", browser.await(By.cssSelector("#lead[aria-busy='false'] h1")).getText());
        assertEquals(before + 1, leadCount());
    }

    @Test
    void screenshotsOfTheFormAtDesktopAndPhoneWidths() {
        signIn("/leads/new");
        browser.await(By.id("name"));

        List<Path> saved = browser.screenshots("add-lead");
        browser.resize(Browser.PHONE);
        Number pageWidth = (Number) browser.script("return document.documentElement.scrollWidth");

        assertEquals(List.of("add-lead-desktop.png", "add-lead-phone.png"),
                saved.stream().map(file -> file.getFileName().toString()).toList());
        assertEquals(2, saved.stream().filter(Files::isRegularFile).count());
        assertEquals(Browser.PHONE.width, pageWidth.intValue(), "no sideways scrolling at phone width");
    }

    private void signIn(String path) {
        browser.signInAsOwner(server.url() + path);
    }

    private void type(Map<String, String> values) {
        values.forEach((field, value) -> browser.await(By.id(field)).sendKeys(value));
    }

    private static long leadCount() throws IOException {
        return JSON.readTree(server.get("/api/v1/leads", server.ownerToken()).body()).get("total").asLong();
    }
}
