package parkgrid.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class BoundingBoxTest {
    @Test
    void parsesFourNumbersAsLonLatBox() {
        assertEquals(new Envelope(112.4, 112.5, 34.1, 34.2), BoundingBox.parse("112.4,34.1,112.5,34.2"));
    }

    @Test
    void aBoxAcrossTheAntimeridianIsTwoHalves() {
        assertEquals(List.of(new Envelope(177, 180, 65, 70), new Envelope(-180, -177, 65, 70)),
                BoundingBox.parseParts("177,65,-177,70", SupportedCrs.CRS84));
        assertEquals(List.of(new Envelope(177, 180, 65, 70), new Envelope(-180, -177, 65, 70)),
                BoundingBox.parseParts("177,65,-10,-177,70,10", SupportedCrs.CRS84), "3D, heights ignored");
        assertEquals(List.of(new Envelope(177, 180, 65, 70), new Envelope(-180, -177, 65, 70)),
                BoundingBox.parseParts("65,177,70,-177", SupportedCrs.WGS84_LAT_LON), "EPSG:4326 axis order");
        assertEquals(List.of(new Envelope(112.4, 112.5, 34.1, 34.2)), BoundingBox.parseParts("112.4,34.1,112.5,34.2", SupportedCrs.CRS84));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BoundingBox.parse("177,65,-177,70")).getMessage()
                .contains("greater than maxLon"), "parse() is for boxes that do not cross");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BoundingBox.parseParts("177,70,-177,65", SupportedCrs.CRS84))
                .getMessage().contains("minLat 70"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BoundingBox.parseParts("500000,10,400000,20",
                SupportedCrs.WEB_MERCATOR)).getMessage().contains("easting"), "a projected box never crosses");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BoundingBox.parseParts("112,34,50,113,35,10",
                SupportedCrs.CRS84)).getMessage().contains("height"));
    }

    @Test
    void keepsTheHorizontalPartOfASixNumberBox() {
        assertEquals(new Envelope(112.4, 112.5, 34.1, 34.2), BoundingBox.parse("112.4,34.1,0,112.5,34.2,100"));
    }

    @Test
    void rejectsWrongCountsTextOutOfRangeAndInvertedBoxesWithTheReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BoundingBox.parse("1,2,3")).getMessage().contains("got 3"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BoundingBox.parse("1,x,3,4")).getMessage().contains("'x'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BoundingBox.parse("1,2,3,91")).getMessage().contains("latitude 91"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BoundingBox.parse("181,2,182,3")).getMessage().contains("longitude"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BoundingBox.parse("5,2,3,4")).getMessage().contains("greater"));
        assertThrows(IllegalArgumentException.class, () -> BoundingBox.parse("1,2,NaN,4"));
    }
}
