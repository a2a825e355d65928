package io.leadhouse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its own chromedriver, for end-to-end tests of the web
 * UI. Nothing is ever downloaded: the browser and driver paths are fixed and Selenium Manager is
 * never asked. Each instance has a fresh profile, collects the browser console, and saves
 * screenshots at desktop and phone widths under {@code target/screenshots/}. Not thread-safe: one
 * test thread drives one browser. Install the browser with {@code scripts/ensure-browser}.
 */
public final class Browser implements AutoCloseable {
    /** A laptop's viewport. */
    public static final Dimension DESKTOP = new Dimension(1366, 900);
    /** A phone's viewport. */
    public static final Dimension PHONE = new Dimension(390, 844);
    /** Debian's Chromium. */
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** Debian's chromedriver, of the same version as the browser. */
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ChromeDriver driver;
    private final Path profile;
    private final List<LogEntry> console = new ArrayList<>();
    private final List<Pattern> expectedErrors = new ArrayList<>();

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts a browser in the machine's time zone and language. */
    public static Browser start() {
        return start("", "");
    }

    /**
     * Starts a browser that believes it is in {@code timeZone} (an IANA id such as
     * {@code Asia/Kolkata}) with the UI language {@code locale} (such as {@code en-IN}); an empty
     * value keeps the machine's.
     */
    public static Browser start(String timeZone, String locale) {
        requireInstalled();
        // Belt and braces: with the driver named here, Selenium never runs Selenium Manager.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Path profile = createProfile();
        ChromeDriverService.Builder service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(screenshotDirectory().resolveSibling("chromedriver.log").toFile());
        if (!timeZone.isEmpty()) {
            service.withEnvironment(Map.of("TZ", timeZone));
        }
        ChromeDriver driver = new ChromeDriver(service.build(), options(profile, locale));
        Browser browser = new Browser(driver, profile);
        browser.resize(DESKTOP);
        if (!locale.isEmpty()) {
            driver.executeCdpCommand("Emulation.setLocaleOverride", Map.of("locale", locale));
        }
        if (!timeZone.isEmpty()) {
            driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", timeZone));
        }
        return browser;
    }

    private static ChromeOptions options(Path profile, String locale) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--password-store=basic",
                "--user-data-dir=" + profile, "--window-size=" + DESKTOP.width + "," + DESKTOP.height);
        if (!locale.isEmpty()) {
            options.addArguments("--lang=" + locale);
        }
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        return options;
    }

    private static void requireInstalled() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + "; run scripts/ensure-browser (apt-get install chromium chromium-driver)");
        }
    }

    private static Path createProfile() {
        try {
            return Files.createTempDirectory("leadhouse-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a browser profile directory", e);
        }
    }

    /** The Selenium driver, for anything the helpers here do not cover. */
    public WebDriver driver() {
        return driver;
    }

    /** Opens {@code url} and waits until the page and its module scripts have loaded. */
    public void open(String url) {
        driver.get(url);
        waitUntil("the page at " + url + " has loaded",
                d -> "complete".equals(script("return document.readyState")));
    }

    /**
     * Opens {@code url} (a page that sends a signed-out visitor to sign-in), signs in as the test
     * Owner through the sign-in form, and waits until the browser has left the sign-in page.
     */
    public void signInAsOwner(String url) {
        open(url);
        submitOwnerCredentials();
        waitUntil("leaving the sign-in page", d -> !d.getCurrentUrl().contains("/sign-in"));
    }

    /** Types the test Owner's email and password into the sign-in form on screen and submits it. */
    public void submitOwnerCredentials() {
        await(By.id("email")).sendKeys(TestServer.OWNER_EMAIL);
        await(By.id("password")).sendKeys(TestServer.OWNER_PASSWORD);
        await(By.id("sign-in-submit")).click();
    }

    /** The current URL. */
    public String url() {
        return driver.getCurrentUrl();
    }

    /** Waits until an element matching {@code locator} is visible and returns it. */
    public WebElement await(By locator) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Waits until {@code condition} returns a value other than null or false, failing with {@code what}. */
    public <T> T waitUntil(String what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).withMessage("waiting for " + what).until(condition);
    }

    /** Runs JavaScript in the page and returns its result. */
    public Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    /** Sets the viewport to {@code size} CSS pixels. */
    public void resize(Dimension size) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", size.width, "height", size.height, "deviceScaleFactor", 1,
                "mobile", size.width < 600));
        waitUntil("the viewport to be " + size.width + " px wide",
                d -> ((Number) script("return window.innerWidth")).intValue() == size.width);
    }

    /**
     * Saves screenshots of the current page as {@code <name>-desktop.png} and {@code <name>-phone.png}
     * under {@code target/screenshots/}, and leaves the browser at desktop width.
     */
    public List<Path> screenshots(String name) {
        List<Path> saved = new ArrayList<>();
        saved.add(screenshot(name + "-desktop", DESKTOP));
        saved.add(screenshot(name + "-phone", PHONE));
        resize(DESKTOP);
        return saved;
    }

    private Path screenshot(String name, Dimension size) {
        resize(size);
        // Two animation frames: the layout for the new width has been computed and painted.
        driver.executeAsyncScript("const done = arguments[0];"
                + " requestAnimationFrame(() => requestAnimationFrame(() => done()));");
        try {
            Path file = screenshotDirectory().resolve(name + ".png");
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not save screenshot " + name, e);
        }
    }

    /** Where screenshots go: {@code target/screenshots/} of the module under test. */
    public static Path screenshotDirectory() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("target").resolve("screenshots");
    }

    /**
     * Declares that console errors matching {@code regex} are expected from here on, such as the
     * browser's own "status of 401" line for a sign-in the test means to fail.
     */
    public void expectConsoleError(String regex) {
        expectedErrors.add(Pattern.compile(regex));
    }

    /** Every console entry so far, as "LEVEL message". */
    public List<String> consoleLog() {
        drainConsole();
        return console.stream().map(entry -> entry.getLevel() + " " + entry.getMessage()).toList();
    }

    /** The console errors (SEVERE) so far that no {@link #expectConsoleError} declared. */
    public List<String> unexpectedConsoleErrors() {
        drainConsole();
        return console.stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> expectedErrors.stream().noneMatch(pattern -> pattern.matcher(message).find()))
                .toList();
    }

    /** Fails when the browser console has shown an error that no test declared. */
    public void assertNoConsoleErrors() {
        List<String> errors = unexpectedConsoleErrors();
        if (!errors.isEmpty()) {
            throw new AssertionError("the browser console showed errors:\n  " + String.join("\n  ", errors));
        }
    }

    private void drainConsole() {
        console.addAll(driver.manage().logs().get(LogType.BROWSER).getAll());
    }

    /** Closes the browser and deletes its profile. */
    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // A leftover temporary profile is harmless; the test result does not depend on it.
        }
    }
}
