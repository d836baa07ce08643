package parkgrid.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

class Gcj02Test {
    @Test
    void movesRuyangAboutFiveHundredNinetyMetres() {
        double[] gcj = new double[2];
        Gcj02.fromWgs84(112.4669, 34.1540, gcj); // 汝阳县城 (FACTS.md)
        double metres = GeodesicDistance.metres(new Coordinate(112.4669, 34.1540), new Coordinate(gcj[0], gcj[1]));
        assertTrue(metres > 540 && metres < 640, "GCJ-02 offset at Ruyang: " + metres + " m");
    }

    @Test
    void matchesThePublishedAlgorithmAtAKnownPoint() {
        double[] gcj = new double[2];
        Gcj02.fromWgs84(112.47, 34.15, gcj); // DEPS.md §11: the public algorithm's value
        assertEquals(112.47615539, gcj[0], 1e-8);
        assertEquals(34.14867306, gcj[1], 1e-8);
    }

    @Test
    void inverseRoundTripsWithinAMicroDegreeAcrossChina() {
        double[] gcj = new double[2], back = new double[2];
        double worst = 0;
        for (double lon = 74; lon <= 135; lon += 1.7) {
            for (double lat = 18; lat <= 53; lat += 1.3) {
                Gcj02.fromWgs84(lon, lat, gcj);
                Gcj02.toWgs84(gcj[0], gcj[1], back);
                worst = Math.max(worst, Math.max(Math.abs(back[0] - lon), Math.abs(back[1] - lat)));
            }
        }
        assertTrue(worst < 1e-6, "worst round-trip error " + worst + "°");
    }

    @Test
    void leavesPositionsOutsideChinaAlone() {
        double[] out = new double[2];
        Gcj02.fromWgs84(2.35, 48.85, out); // Paris
        assertEquals(2.35, out[0], 0);
        assertEquals(48.85, out[1], 0);
        Gcj02.toWgs84(139.7, 35.7, out); // Tokyo
        assertEquals(139.7, out[0], 0);
    }
}
