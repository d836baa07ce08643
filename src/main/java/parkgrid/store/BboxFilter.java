package parkgrid.store;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The exact bbox predicate both stores share: a feature matches when its geometry intersects the box
 * (boundary included), as PostGIS {@code ST_Intersects(geom, ST_MakeEnvelope(...))} decides.
 */
public final class BboxFilter {
    private final Envelope box;
    private final Geometry boxPolygon;

    public BboxFilter(Envelope box) {
        this.box = box;
        this.boxPolygon = new GeometryFactory().toGeometry(box);
    }

    /** False for a null geometry: a feature without a place is in no box. */
    public boolean matches(Geometry g) {
        if (g == null) return false;
        Envelope e = g.getEnvelopeInternal();
        if (!box.intersects(e)) return false;
        if (box.covers(e)) return true;
        return boxPolygon.intersects(g);
    }
}
