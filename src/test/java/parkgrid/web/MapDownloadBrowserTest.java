package parkgrid.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The "Download 下载" tool of the map toolbar: a layer as a file in a chosen format and CRS, saved by the browser. */
class MapDownloadBrowserTest extends BrowserTestSupport {

    /** Opens the download form with the toolbar button unless it is open already. */
    private void openForm() {
        if (driver.findElement(By.id("pg-dl-form")).getAttribute("hidden") != null) driver.findElement(By.id("pg-download")).click();
        assertEquals("true", driver.findElement(By.id("pg-download")).getAttribute("aria-expanded"));
    }

    private Path downloadAs(String layer, String format, String crs, String expectedName) throws IOException {
        openForm();
        new Select(driver.findElement(By.id("pg-dl-layer"))).selectByValue(layer);
        // the server's list of formats replaces the built-in one once /api has answered
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(
                By.cssSelector("#pg-dl-format option[value='" + format + "']")).isEmpty());
        new Select(driver.findElement(By.id("pg-dl-format"))).selectByValue(format);
        new Select(driver.findElement(By.id("pg-dl-crs"))).selectByValue(crs);
        Path file = downloads.resolve(expectedName);
        Files.deleteIfExists(file);
        driver.findElement(By.id("pg-dl-go")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> Files.isRegularFile(file)
                && "done".equals(d.findElement(By.id("pg-dl-form")).getAttribute("data-state")));
        // Chromium writes a .crdownload first and renames it when complete
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> {
            try (var files = Files.list(downloads)) {
                return files.noneMatch(p -> p.toString().endsWith(".crdownload"));
            } catch (IOException e) {
                return false;
            }
        });
        assertTrue(driver.findElement(By.id("pg-dl-status")).getText().contains(expectedName));
        return file;
    }

    @Test
    void theFormatsAreTheServersListAndTheViewBoxNarrowsTheFile() throws Exception {
        openForm();
        java.util.List<String> expected = new java.util.ArrayList<>();
        for (JsonNode p : getJson("/api").at("/paths/~1collections~1{collectionId}~1export/get/parameters")) {
            if (p.path("name").asText().equals("format")) p.at("/schema/enum").forEach(v -> expected.add(v.asText()));
        }
        assertTrue(expected.contains("shapefile") && expected.contains("geopackage"), "the API lists the export formats: " + expected);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> expected.equals(js.executeScript(
                "return Array.from(document.querySelectorAll('#pg-dl-format option')).map(function (o) { return o.value; })")));

        // zoomed in on one village, "only what is in view" exports fewer villages than the layer holds
        js.executeScript("window.parkgrid.focusFeature('villages', arguments[0], 16)",
                getJson("/collections/villages/items?limit=1").path("features").get(0).path("id").asLong());
        driver.findElement(By.id("pg-dl-view")).click();
        Path inView = downloadAs("villages", "geojson", "CRS84", "villages.geojson");
        int n = JSON.readTree(Files.readString(inView)).path("features").size();
        assertTrue(n >= 1 && n < 20, "only the villages in view, got " + n);
        driver.findElement(By.id("pg-dl-view")).click();
        js.executeScript("window.parkgrid.zoomToAll()");
    }

    @Test
    void villagesAsZippedShapefileAndAsGeoJsonInGaussKrueger() throws Exception {
        Path zip = downloadAs("villages", "shapefile", "EPSG:4546", "villages.zip");
        Set<String> suffixes = new HashSet<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                String n = e.getName().toLowerCase();
                suffixes.add(n.substring(n.lastIndexOf('.') + 1));
            }
        }
        assertTrue(suffixes.containsAll(Set.of("shp", "dbf", "prj", "cpg")), "zip entries: " + suffixes);

        Path geojson = downloadAs("villages", "geojson", "EPSG:4546", "villages.geojson");
        JsonNode fc = JSON.readTree(Files.readString(geojson));
        assertEquals(20, fc.path("features").size(), "every village, 村庄全部导出");
        double x = fc.path("features").get(0).path("geometry").path("coordinates").get(0).asDouble();
        assertTrue(x > 500_000 && x < 700_000, "EPSG:4546 easting in metres (no zone prefix), got " + x);
        assertEquals("urn:ogc:def:crs:EPSG::4546", fc.at("/crs/properties/name").asText(), "the file names its CRS");
    }
}
