package parkgrid.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class BoundingBoxTest {
    @Test
    void parsesFourNumbersAsLonLatBox() {
        assertEquals(new Envelope(112.4, 112.5, 34.1, 34.2), BoundingBox.parse("112.4,34.1,112.5,34.2"));
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
