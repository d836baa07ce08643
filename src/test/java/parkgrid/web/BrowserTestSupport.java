package parkgrid.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import parkgrid.app.ParkGridApp;
import parkgrid.config.Settings;

/**
 * The real server (fresh seeded GeoPackage in a temp dir, free port) and a headless Chromium showing its
 * map page, shared by the browser tests of one class. After every test the browser log must hold no
 * SEVERE entry (console errors, failed requests).
 *
 * <p>Needs {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}: skipped locally without them,
 * failed when {@code CI=true}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTestSupport {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    static final Duration RESULT_TIMEOUT = Duration.ofSeconds(20);
    static final ObjectMapper JSON = new ObjectMapper();

    /** Set anew (and deleted) for each test class. */
    @TempDir
    static Path tempDir;

    ParkGridApp app;
    String base;
    /** Where the browser saves downloads (exports) without asking. */
    Path downloads;
    WebDriver driver;
    JavascriptExecutor js;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void startServerAndBrowser() throws Exception {
        boolean browserInstalled = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!browserInstalled) {
            String message = "chromium/chromedriver not found at " + CHROMIUM + " and " + CHROMEDRIVER;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) fail(message + " (CI=true: the browser test must run)");
            Assumptions.assumeTrue(false, message + ": skipping the browser test locally");
        }
        app = startServer(tempDir);
        base = "http://localhost:" + app.port();

        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=" + windowSize(), "--user-data-dir=" + Files.createDirectories(tempDir.resolve("chrome-profile")));
        downloads = Files.createDirectories(tempDir.resolve("downloads"));
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        driver = new ChromeDriver(options);
        js = (JavascriptExecutor) driver;
        prepareBrowser((ChromeDriver) driver);

        driver.get(base + "/");
        new WebDriverWait(driver, READY_TIMEOUT).until(d -> Boolean.TRUE.equals(js.executeScript(
                "return !!(window.parkgrid && (window.parkgrid.ready || window.parkgrid.error))")));
        assertNull(js.executeScript("return window.parkgrid.error"), "the map reported a load error");
    }

    /** The server the page is loaded from: by default the embedded store, freshly seeded in {@code dir}. */
    ParkGridApp startServer(Path dir) {
        return ParkGridApp.start(Settings.embedded(dir.resolve("test.gpkg"), 0));
    }

    /** The browser window's size in CSS pixels, "width,height". */
    String windowSize() {
        return "1280,900";
    }

    /** Runs before the map page is loaded (e.g. to emulate a device). */
    void prepareBrowser(ChromeDriver chrome) {
    }

    @AfterEach
    void browserLogHasNoSevereEntries() {
        if (driver == null) return;
        List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .collect(Collectors.toList());
        assertTrue(severe.isEmpty(), "browser console errors:\n" + severe.stream()
                .map(LogEntry::toString).collect(Collectors.joining("\n")));
    }

    @AfterAll
    void stopServerAndBrowser() {
        if (driver != null) driver.quit();
        if (app != null) app.stop();
    }

    /** Opens a tab of the analysis panel by clicking its tab button (no-op when it is already open). */
    void openPanelTab(String tabId) {
        if (tabId.equals(js.executeScript("return document.getElementById('pg-panel').dataset.tab"))) return;
        driver.findElement(By.id("pg-tab-" + tabId)).click();
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> d.findElement(By.id("pg-view-" + tabId)).isDisplayed());
    }

    /** A real mouse click at viewport CSS pixel (x, y). */
    void clickAt(long x, long y) {
        new Actions(driver).moveToLocation((int) x, (int) y).click().perform();
    }

    /** The viewport point of a lon/lat on the map, as [x, y]. */
    long[] viewportPoint(double lat, double lon) {
        @SuppressWarnings("unchecked")
        List<Number> p = (List<Number>) js.executeScript(
                "var m = window.parkgrid.map, q = m.latLngToContainerPoint([arguments[0], arguments[1]]),"
                        + " o = m.getContainer().getBoundingClientRect();"
                        + " return [Math.round(q.x + o.left), Math.round(q.y + o.top)]", lat, lon);
        return new long[] {p.get(0).longValue(), p.get(1).longValue()};
    }

    /** Whether a click at the viewport point would reach the map itself (no control or panel above it). */
    boolean reachesTheMap(long[] p) {
        return Boolean.TRUE.equals(js.executeScript(
                "var el = document.elementFromPoint(arguments[0], arguments[1]);"
                        + " return !!el && !el.closest('.leaflet-control') && !!el.closest('#map')", p[0], p[1]));
    }

    /**
     * Waits until the element with id {@code containerId} holds {@code resultCss} and returns that element;
     * fails with the panel's problem text when it shows a problem instead.
     */
    WebElement awaitResult(String containerId, String resultCss) {
        WebElement found = new WebDriverWait(driver, RESULT_TIMEOUT).ignoring(StaleElementReferenceException.class).until(d -> {
            WebElement container = d.findElement(By.id(containerId));
            List<WebElement> problem = container.findElements(By.cssSelector(".pg-problem"));
            if (!problem.isEmpty()) return problem.get(0);
            List<WebElement> result = container.findElements(By.cssSelector(resultCss));
            return result.isEmpty() ? null : result.get(0);
        });
        if (found.getAttribute("class").contains("pg-problem")) {
            fail("#" + containerId + " shows a problem instead of " + resultCss + ": " + found.getText());
        }
        return found;
    }

    /** The text of the open popup, once one is displayed. */
    String awaitPopupText() {
        return new WebDriverWait(driver, Duration.ofSeconds(5)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector(".leaflet-popup-content")).stream()
                        .filter(WebElement::isDisplayed).map(WebElement::getText).filter(t -> !t.isBlank())
                        .findFirst().orElse(null));
    }

    void closePopup() {
        js.executeScript("window.parkgrid.map.closePopup()");
        // a closed popup fades out for 200 ms before Leaflet removes it
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> d.findElements(By.cssSelector(".leaflet-popup")).isEmpty());
    }

    /** Saves what the browser shows to target/NAME. */
    void screenshot(String name) {
        try {
            Path shot = Path.of("target", name);
            Files.createDirectories(shot.getParent());
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode findFeature(String collectionId, String property, String value) throws IOException {
        JsonNode features = getJson("/collections/" + collectionId + "/items?limit=10000").path("features");
        for (JsonNode f : features) {
            JsonNode v = f.path("properties").path(property);
            if (v.asText().equals(value) || (v.isNumber() && v.asDouble() == Double.parseDouble(value))) return f;
        }
        throw new AssertionError("no " + collectionId + " feature with " + property + " = " + value);
    }

    JsonNode getJson(String path) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").build(), path);
    }

    /** POSTs {"inputs": inputs} to /processes/{id}/execution, as the map does; the answer must be 200. */
    JsonNode execute(String processId, Map<String, Object> inputs) throws IOException {
        String path = "/processes/" + processId + "/execution";
        String body = JSON.writeValueAsString(Map.of("inputs", inputs));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), path);
    }

    private JsonNode send(HttpRequest request, String path) throws IOException {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), path + " -> " + response.body());
            return JSON.readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
