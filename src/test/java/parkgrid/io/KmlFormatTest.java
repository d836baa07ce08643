package parkgrid.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import parkgrid.feature.Feature;
import parkgrid.testing.SeededServerTest;

/** KML: exported through {@code /export?format=kml} and read back by GDAL ({@code ogrinfo}): count, names, attributes, CRS. */
class KmlFormatTest extends SeededServerTest {

    @ParameterizedTest
    @ValueSource(strings = {"villages", "parcels", "power_lines"})
    void ogrinfoReadsEveryPlacemarkInWgs84(String layer) throws Exception {
        Path kml = RoundTrip.download(server, "/collections/" + layer + "/export?format=kml", dir.resolve(layer + ".kml"));
        String so = Gdal.ogrinfo("-so", "-al", kml.toString());
        assertEquals(RoundTrip.seed(layer).features().size(), Gdal.featureCount(so), so);
        assertEquals(4326, Gdal.epsg(so), so);
    }

    @Test
    void chineseNamesAndAttributesComeBackIntact() throws Exception {
        Path kml = RoundTrip.download(server, "/collections/villages/export?format=kml&crs=EPSG:4546", dir.resolve("villages-gk.kml"));
        String all = Gdal.ogrinfo("-al", kml.toString());
        var seed = RoundTrip.seed("villages").features();
        int withName = 0;
        for (Feature f : seed) {
            Object zh = f.properties().get("name_zh");
            if (zh == null) continue;
            withName++;
            assertTrue(all.contains("name_zh (String) = " + zh), zh + " missing in\n" + all);
        }
        assertTrue(withName > 5, "the seed's villages have Chinese names");
        Feature first = seed.stream().filter(f -> f.properties().get("upgrade_year") != null).findFirst().orElseThrow();
        Object year = first.properties().get("upgrade_year");
        assertTrue(all.matches("(?s).*upgrade_year \\((String|Integer|Integer64)\\) = " + year + "\\n.*"), "upgrade_year " + year + "\n" + all);
        assertTrue(all.contains("upgrade_status (String) = " + first.properties().get("upgrade_status")), all);
        // KML is lon/lat whatever crs was asked: the first village's position is still in degrees
        double lon = first.geometry().getCoordinate().x;
        assertTrue(all.contains("POINT (" + String.valueOf(lon).substring(0, 6)), "lon/lat positions\n" + all.substring(0, Math.min(3000, all.length())));
    }
}
