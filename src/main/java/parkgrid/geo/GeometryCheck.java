package parkgrid.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import parkgrid.feature.GeometryKind;
import parkgrid.feature.ParkGridException;

/**
 * The checks a geometry a client writes must pass, in the order a client can act on them, each problem
 * named with the feature ({@code subject}, e.g. {@code feature 12 in 'parcels'}) and where in the geometry
 * it is: not more vertices than the limit, of the layer's kind, every coordinate finite and within
 * {@link LonLat#RANGE}, valid by the OGC simple-features rules (closed, non-self-intersecting rings …).
 * An invalid geometry is repaired with JTS {@link GeometryFixer} only when the client asks; the repaired one
 * must still be of the layer's kind. Coordinates are EPSG:4326 lon/lat (after any {@code Content-Crs}
 * transform). A null geometry (a feature without a place) passes.
 */
public final class GeometryCheck {
    private final GeometryKind kind;
    private final String layerName;
    private final int maxVertices;

    /** @param maxVertices the most vertices one geometry may have (a setting) */
    public GeometryCheck(GeometryKind kind, String layerName, int maxVertices) {
        if (maxVertices < 1) throw new IllegalArgumentException("maxVertices must be at least 1: " + maxVertices);
        this.kind = kind;
        this.layerName = layerName;
        this.maxVertices = maxVertices;
    }

    /**
     * Only the vertex count: checked before any transform or validity test, whose cost grows with it.
     *
     * @throws ParkGridException too large ({@code geometry}) past the limit
     */
    public void requireVertices(Geometry g, String subject) {
        if (g != null && g.getNumPoints() > maxVertices) {
            throw ParkGridException.tooLarge("geometry", subject + ": the geometry has " + g.getNumPoints() + " vertices, more than the "
                    + maxVertices + " allowed (PARKGRID_MAX_VERTICES)");
        }
    }

    /**
     * @param repair true to repair an invalid geometry with {@link GeometryFixer} instead of refusing it
     * @return {@code g}, or its repair
     * @throws ParkGridException invalid input ({@code geometry}) naming the problem, too large past the vertex limit
     */
    public Geometry checked(Geometry g, boolean repair, String subject) {
        if (g == null) return null;
        requireVertices(g, subject);
        requireKind(g, subject);
        Coordinate[] cs = g.getCoordinates();
        for (int i = 0; i < cs.length; i++) {
            Coordinate c = cs[i];
            if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) {
                throw ParkGridException.invalidParameter("geometry", subject + ": vertex " + (i + 1) + " (" + c.x + ", " + c.y
                        + ") is not a finite number");
            }
            if (!LonLat.contains(c.x, c.y)) {
                throw ParkGridException.invalidParameter("geometry", subject + ": vertex " + (i + 1) + " (" + c.x + ", " + c.y
                        + ") is outside " + LonLat.RANGE + " (is Content-Crs right?)");
            }
        }
        IsValidOp valid = new IsValidOp(g);
        if (valid.isValid()) return g;
        TopologyValidationError error = valid.getValidationError();
        Coordinate at = error.getCoordinate();
        String problem = error.getMessage() + (at == null ? "" : " at (" + at.x + ", " + at.y + ")");
        if (!repair) {
            throw ParkGridException.invalidParameter("geometry", subject + ": the geometry is not valid: " + problem
                    + "; send repair=true to have it repaired");
        }
        Geometry fixed = GeometryFixer.fix(g);
        if (fixed.isEmpty() || !kind.accepts(fixed) || !fixed.isValid()) {
            throw ParkGridException.invalidParameter("geometry", subject + ": the geometry is not valid (" + problem + ") and its repair is a "
                    + (fixed.isEmpty() ? "empty geometry" : fixed.getGeometryType()) + ", which layer '" + layerName + "' cannot hold");
        }
        fixed.setSRID(g.getSRID());
        return fixed;
    }

    private void requireKind(Geometry g, String subject) {
        if (!kind.accepts(g)) {
            throw ParkGridException.invalidParameter("geometry", subject + ": the geometry is a " + g.getGeometryType() + " but layer '"
                    + layerName + "' holds " + kind.geoJsonName());
        }
    }
}
