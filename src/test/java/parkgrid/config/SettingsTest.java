package parkgrid.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings read from the environment that have no test of their own elsewhere. */
class SettingsTest {
    @Test
    void pageWorkersDefaultToTheProcessorsOnTheGeoPackageTwiceThemOnPostGisAndZeroMeansNoBound() {
        int processors = Runtime.getRuntime().availableProcessors();
        assertEquals(processors, Settings.fromEnvironment(Map.of()).pageWorkers());
        assertEquals(processors, Settings.fromEnvironment(Map.of("PARKGRID_PAGE_WORKERS", " ")).pageWorkers());
        assertEquals(processors, Settings.embedded(java.nio.file.Path.of("x.gpkg"), 0).pageWorkers());
        assertEquals(2 * processors, Settings.fromEnvironment(Map.of("PARKGRID_DB", "jdbc:postgresql://127.0.0.1:5432/parkgrid")).pageWorkers());
        assertEquals(processors, Settings.fromEnvironment(Map.of("PARKGRID_DB", " ")).pageWorkers(), "a blank PARKGRID_DB is the GeoPackage");
        assertEquals(7, Settings.fromEnvironment(Map.of("PARKGRID_DB", "jdbc:postgresql://h/db", "PARKGRID_PAGE_WORKERS", "7")).pageWorkers());
        assertEquals(3, Settings.fromEnvironment(Map.of("PARKGRID_PAGE_WORKERS", "3")).pageWorkers());
        assertEquals(0, Settings.fromEnvironment(Map.of("PARKGRID_PAGE_WORKERS", "0")).pageWorkers());
        assertEquals(5, Settings.fromEnvironment(Map.of()).withPageWorkers(5).pageWorkers());
        for (String bad : new String[] {"-1", "four", "10001", "2.5"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Settings.fromEnvironment(Map.of("PARKGRID_PAGE_WORKERS", bad)), bad);
            assertTrue(e.getMessage().contains("PARKGRID_PAGE_WORKERS") && e.getMessage().contains(bad), e.getMessage());
        }
    }

    @Test
    void theFeatureCacheIsSixtyFourMegabytesUnlessSet() {
        assertEquals(64L << 20, Settings.fromEnvironment(Map.of()).featureCacheBytes());
        assertEquals(0, Settings.fromEnvironment(Map.of("PARKGRID_FEATURE_CACHE_MB", "0")).featureCacheBytes());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Settings.fromEnvironment(Map.of("PARKGRID_FEATURE_CACHE_MB", "-3")));
        assertTrue(e.getMessage().contains("PARKGRID_FEATURE_CACHE_MB"), e.getMessage());
    }
}
