package parkgrid.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import parkgrid.feature.ParkGridException;

class LonLatTest {
    @Test
    void theRangeIncludesItsEdgesAndRefusesNaN() {
        assertTrue(LonLat.contains(180, -90));
        assertTrue(LonLat.contains(112.25, 34.15)); // 汝阳县
        assertFalse(LonLat.contains(180.000001, 34));
        assertFalse(LonLat.contains(112, 90.5));
        assertFalse(LonLat.contains(Double.NaN, 34));
        assertTrue(LonLat.contains(new Envelope()), "an empty box is in range");
        assertFalse(LonLat.contains(new Envelope(112, 200, 34, 35)));
    }

    @Test
    void requireNamesTheParameterAndTheSubject() {
        ParkGridException e = assertThrows(ParkGridException.InvalidInput.class,
                () -> LonLat.require(200, 34, "point", "point 200,34 (程村?)"));
        assertEquals("point", e.parameter());
        assertEquals("point 200,34 (程村?) is outside lon [-180, 180] / lat [-90, 90]", e.detail());
        ParkGridException box = assertThrows(ParkGridException.InvalidInput.class,
                () -> LonLat.require(new Envelope(112, 113, 34, 95), "geometry", "the query geometry"));
        assertEquals("geometry", box.parameter());
        LonLat.require(new Envelope(111.9, 112.6, 33.9, 34.4), "geometry", "嵩县"); // in range: no throw
    }
}
