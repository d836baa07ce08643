package parkgrid.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.PolygonArea;
import net.sf.geographiclib.PolygonResult;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The planner's tools on the map page: zoom to all / to a layer, the measuring tool (compared with
 * GeographicLib-Java on WGS84), PNG and PDF export of the view, the approximate-positions note.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MapToolsBrowserTest extends BrowserTestSupport {
    /** 1 亩 = 10 000 / 15 m². */
    private static final double SQUARE_METRES_PER_MU = 10000.0 / 15;
    private static final Duration EXPORT_TIMEOUT = Duration.ofSeconds(60);

    @Test
    @Order(1)
    void theMapSaysThatPositionsAreApproximate() {
        String attribution = driver.findElement(By.cssSelector(".leaflet-control-attribution")).getText();
        assertTrue(attribution.contains("位置为近似示意") && attribution.contains("Positions are approximate"),
                "the attribution says so in Chinese and English: " + attribution);
        assertTrue(driver.findElement(By.id("pg-approx-note")).isDisplayed());
    }

    @Test
    @Order(2)
    void zoomToALayerShowsThatLayersBounds() {
        js.executeScript("window.parkgrid.map.setView([34.6, 112.9], 9, {animate: false})");
        clickZoomTo("villages");
        assertLayerFillsTheView("villages");
        long villagesZoom = zoom();

        clickZoomTo("park");
        assertLayerFillsTheView("park");
        assertTrue(zoom() > villagesZoom, "the park (4 km²) is shown closer than all villages: " + zoom() + " vs " + villagesZoom);
    }

    @Test
    @Order(3)
    void zoomToAllShowsEveryLayer() {
        js.executeScript("window.parkgrid.map.setView([34.17, 112.38], 15, {animate: false})");
        driver.findElement(By.id("pg-zoom-all")).click();
        @SuppressWarnings("unchecked")
        List<String> outside = (List<String>) js.executeScript("var p = window.parkgrid, b = p.map.getBounds();"
                + " return Object.keys(p.layers).filter(function (id) { var g = p.layers[id];"
                + " return g.getLayers().length && !b.contains(g.getBounds()); })");
        assertEquals(List.of(), outside, "layers outside the view after zoom to all");
        assertTrue(zoom() < 15, "zoomed out: " + zoom());
    }

    @Test
    @Order(4)
    void measuringFromBaishuToTheRuyangCountyTownGivesTheGeodesicDistance() throws Exception {
        JsonNode from = findFeature("villages", "name_zh", "柏树村");
        JsonNode to = findFeature("villages", "name_zh", "汝阳县城");
        showBoth(from, to);
        driver.findElement(By.id("pg-measure-open")).click();
        driver.findElement(By.id("pg-measure-line")).click();
        clickOn(from, 2);
        clickOn(to, -2);
        driver.findElement(By.id("pg-measure-finish")).click();

        double shown = number(awaitMeasure("#pg-measure-m"));
        double expected = Geodesic.WGS84.Inverse(lat(from), lon(from), lat(to), lon(to)).s12;
        assertTrue(expected > 5000, "the two places are kilometres apart: " + expected);
        assertEquals(expected, shown, 0.051, "displayed metres (one decimal) vs GeographicLib-Java");
        assertEquals(expected / 1000, number(driver.findElement(By.id("pg-measure-km")).getText()), 0.00051, "km");
        screenshot("map-measure-distance.png");
    }

    @Test
    @Order(5)
    void measuringTheTriangleOfThreeVillagesGivesItsAreaInMuAndHectares() throws Exception {
        JsonNode a = findFeature("villages", "name_zh", "华沟村");
        JsonNode b = findFeature("villages", "name_zh", "漫流村");
        JsonNode c = findFeature("villages", "name_zh", "枣林村");
        showBoth(a, b, c);
        driver.findElement(By.id("pg-measure-polygon")).click();
        clickOn(a, 2);
        clickOn(b, -2);
        clickOn(c, 3);
        driver.findElement(By.id("pg-measure-finish")).click();

        double mu = number(awaitMeasure("#pg-measure-mu"));
        PolygonArea polygon = new PolygonArea(Geodesic.WGS84, false);
        for (JsonNode v : List.of(a, b, c)) polygon.AddPoint(lat(v), lon(v));
        PolygonResult expected = polygon.Compute(false, true);
        double squareMetres = Math.abs(expected.area);
        assertTrue(squareMetres > 1e6, "the triangle is square kilometres large: " + squareMetres);
        assertEquals(squareMetres / SQUARE_METRES_PER_MU, mu, 0.0051, "亩 (two decimals) vs GeographicLib-Java");
        assertEquals(squareMetres / 10000, number(driver.findElement(By.id("pg-measure-ha")).getText()), 0.000051, "公顷");
        assertEquals(squareMetres, number(driver.findElement(By.id("pg-measure-m2")).getText()), 0.51, "m²");
        assertEquals(expected.perimeter, number(driver.findElement(By.id("pg-measure-perimeter-m")).getText()), 0.051, "perimeter m");
        screenshot("map-measure-area.png");
    }

    @Test
    @Order(6)
    void exportingPngDownloadsAnA4SheetOfTheView() throws Exception {
        driver.findElement(By.id("pg-export-png")).click();
        Path png = awaitDownload(".png");
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1754, image.getWidth(), "A4 landscape at 150 dpi: width");
        assertEquals(1240, image.getHeight(), "A4 landscape at 150 dpi: height");
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) colours.add(image.getRGB(x, y));
        }
        assertTrue(colours.size() > 50, "the sheet shows a drawn map, not a blank page: " + colours.size() + " colours");
        Files.copy(png, Path.of("target", "map-export.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    @Order(7)
    void exportingPdfDownloadsAPdfWithTheApproximatePositionsNote() throws Exception {
        driver.findElement(By.id("pg-export-pdf")).click();
        Path pdf = awaitDownload(".pdf");
        byte[] bytes = Files.readAllBytes(pdf);
        assertEquals("%PDF", new String(bytes, 0, 4, StandardCharsets.US_ASCII));
        assertTrue(bytes.length > 50_000, "the PDF holds the sheet's image: " + bytes.length + " bytes");
        Files.copy(pdf, Path.of("target", "map-export.pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path pdftotext = Path.of("/usr/bin/pdftotext");
        if (Files.isExecutable(pdftotext)) {
            Process p = new ProcessBuilder(pdftotext.toString(), pdf.toString(), "-").redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "pdftotext finished");
            assertTrue(text.contains("Positions are approximate"), "the PDF's text has the note: " + text);
            assertTrue(text.contains("Data sources"), "the PDF's text names the data sources: " + text);
        }
        Path pdfimages = Path.of("/usr/bin/pdfimages");
        if (Files.isExecutable(pdfimages)) {
            Process p = new ProcessBuilder(pdfimages.toString(), "-list", pdf.toString()).redirectErrorStream(true).start();
            String list = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "pdfimages finished");
            assertTrue(list.matches("(?s).*\\n\\s*1\\s+0\\s+image\\s+1754\\s+1240\\s.*"),
                    "page 1 holds the 1754 × 1240 sheet: " + list);
        }
    }

    private void clickZoomTo(String collectionId) {
        driver.findElement(By.cssSelector(".pg-zoom-layer[data-collection='" + collectionId + "']")).click();
    }

    /** The layer's bounds are in the view and span at least a quarter of it in width or height. */
    private void assertLayerFillsTheView(String collectionId) {
        @SuppressWarnings("unchecked")
        List<Object> r = (List<Object>) js.executeScript("var p = window.parkgrid, m = p.map, b = p.layers[arguments[0]].getBounds(),"
                + " nw = m.latLngToContainerPoint(b.getNorthWest()), se = m.latLngToContainerPoint(b.getSouthEast()), s = m.getSize();"
                + " return [m.getBounds().contains(b), Math.max((se.x - nw.x) / s.x, (se.y - nw.y) / s.y)]", collectionId);
        assertEquals(Boolean.TRUE, r.get(0), collectionId + "'s bounds are in the view");
        assertTrue(((Number) r.get(1)).doubleValue() >= 0.25, collectionId + " spans " + r.get(1) + " of the view");
    }

    private long zoom() {
        return ((Number) js.executeScript("return window.parkgrid.map.getZoom()")).longValue();
    }

    private void showBoth(JsonNode... features) {
        StringBuilder points = new StringBuilder("[");
        for (JsonNode f : features) points.append(points.length() > 1 ? "," : "").append("[").append(lat(f)).append(",").append(lon(f)).append("]");
        js.executeScript("var p = window.parkgrid; p.fitToFreeArea(L.latLngBounds(" + points + "]).pad(0.15))");
    }

    /** A real click a few pixels off the feature's point: the tool snaps to the feature. */
    private void clickOn(JsonNode feature, int offset) {
        long[] p = viewportPoint(lat(feature), lon(feature));
        long[] near = {p[0] + offset, p[1] - offset};
        assertTrue(reachesTheMap(near), feature.path("properties").path("name_zh").asText() + " is on the free part of the map");
        clickAt(near[0], near[1]);
    }

    private String awaitMeasure(String css) {
        return new WebDriverWait(driver, RESULT_TIMEOUT).until(d -> {
            WebElement table = d.findElement(By.id("pg-measure-result"));
            List<WebElement> value = table.findElements(By.cssSelector(css));
            return "true".equals(table.getAttribute("data-final")) && !value.isEmpty() ? value.get(0).getText() : null;
        });
    }

    private Path awaitDownload(String suffix) {
        return new WebDriverWait(driver, EXPORT_TIMEOUT).ignoring(IOException.class).until(d -> {
            assertNotEquals("failed", d.findElement(By.id("pg-export-" + suffix.substring(1))).getAttribute("data-state"),
                    "the export reported a failure");
            try (Stream<Path> files = Files.list(downloads)) {
                return files.filter(f -> f.toString().endsWith(suffix)).findFirst().orElse(null);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static double number(String text) {
        return Double.parseDouble(text.replace(",", "").trim());
    }

    private static double lat(JsonNode f) {
        return f.path("geometry").path("coordinates").get(1).asDouble();
    }

    private static double lon(JsonNode f) {
        return f.path("geometry").path("coordinates").get(0).asDouble();
    }
}
