package parkgrid.geo;

import java.util.Collection;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.UnknownAuthorityCodeException;
import parkgrid.feature.Feature;
import parkgrid.feature.ParkGridException;

/**
 * The one metric projection of ParkGrid: projects EPSG:4326 lon/lat geometries to a local metric CRS
 * (x = easting, y = northing, metres, whatever the CRS's authority axis order) and back, for buffers, areas,
 * line networks and candidate search. Distances that decide an answer (within a radius, nearest, over a
 * limit) are not taken from here but from {@link GeodesicDistance} on the ellipsoid: within a 3° zone the
 * projection's scale error reaches 0.03 % (≈ 0.4 m at 1 500 m), enough to flip answers at a radius.
 *
 * <p>The default CRS is the CGCS2000 3-degree Gauss–Krüger zone without zone prefix
 * (EPSG:4534 … 4554, central meridian 75°E … 135°E) whose central meridian is nearest the
 * mean longitude of the study area: {@code CM = 3 · round(lon / 3)}, {@code EPSG = 4534 + (CM − 75) / 3}.
 * Ruyang and Song counties (112.0–112.5°E) give EPSG:4546 (CM 111°E), as FACTS.md prescribes for the
 * whole area (scale error ≤ +0.28 m/km at 112.63°E). Outside 73.5–136.5°E the WGS84 UTM zone is used
 * (EPSG:326xx north of the equator, 327xx south). Any EPSG code proj4j knows may be given instead.
 * CGCS2000 and WGS84 are treated as the same datum (they differ by ≈1 m or less).
 *
 * <p><b>Not thread-safe:</b> proj4j transforms keep mutable state, so each instance owns its two
 * transforms; use one instance per thread / per analysis run. Creating one costs well under a
 * millisecond once proj4j's EPSG file is loaded.
 */
public final class MetricProjection {
    /** Longitudes for which a CGCS2000 3° zone exists (CM 75°E … 135°E, ± 1.5°). */
    private static final double GK_WEST = 73.5;
    private static final double GK_EAST = 136.5;

    private final int epsg;
    private final Proj4Transform forward;
    private final Proj4Transform inverse;

    /**
     * A projection to the given EPSG code (a projected CRS in metres).
     *
     * @throws ParkGridException (invalid input) naming {@code epsg} when proj4j does not know the code or it is geographic
     */
    public MetricProjection(int epsg) {
        CoordinateReferenceSystem target;
        try {
            target = Proj4Transform.crs("EPSG:" + epsg);
        } catch (UnknownAuthorityCodeException | IllegalStateException | org.locationtech.proj4j.InvalidValueException e) {
            throw ParkGridException.invalidParameter("epsg", "EPSG:" + epsg + " is not a known CRS: " + e.getMessage());
        }
        if (target == null) {
            throw ParkGridException.invalidParameter("epsg", "EPSG:" + epsg + " is not a known CRS");
        }
        if (target.getProjection() == null || target.getProjection() instanceof org.locationtech.proj4j.proj.LongLatProjection) {
            throw ParkGridException.invalidParameter("epsg", "EPSG:" + epsg + " is geographic; a projected CRS in metres is required");
        }
        CoordinateReferenceSystem wgs84 = Proj4Transform.crs("EPSG:4326");
        this.epsg = epsg;
        this.forward = new Proj4Transform(wgs84, target);
        this.inverse = new Proj4Transform(target, wgs84);
    }

    /**
     * The projection for a study area centred on {@code meanLongitude} (degrees east): the CGCS2000 3° zone
     * whose central meridian is nearest, or UTM outside China's zones.
     *
     * @param meanLatitude degrees north; chooses UTM north or south when UTM is used
     * @throws ParkGridException (invalid input) when a coordinate is not finite or out of range
     */
    public static MetricProjection forLongitude(double meanLongitude, double meanLatitude) {
        return new MetricProjection(epsgFor(meanLongitude, meanLatitude));
    }

    /**
     * The projection for the features' study area: the zone of the centre of their common extent, which
     * keeps the farthest feature as near the central meridian as one zone can (Luoyang spans CM 111°E and
     * CM 114°E: data west of 112.5°E gets EPSG:4546, east of it EPSG:4547). An empty collection or one
     * with only empty geometries gives EPSG:4546 (Ruyang / Song counties).
     */
    public static MetricProjection forFeatures(Collection<? extends Collection<Feature>> layers) {
        Envelope extent = new Envelope();
        for (Collection<Feature> layer : layers) {
            for (Feature f : layer) extent.expandToInclude(f.geometry().getEnvelopeInternal());
        }
        return extent.isNull() ? new MetricProjection(4546) : forExtent(extent);
    }

    /**
     * The EPSG code chosen for a study area centred on the given lon/lat (degrees).
     *
     * @throws ParkGridException (invalid input) naming {@code longitude} / {@code latitude} when out of range
     */
    public static int epsgFor(double meanLongitude, double meanLatitude) {
        if (!LonLat.isLongitude(meanLongitude)) {
            throw ParkGridException.invalidParameter("longitude", "mean longitude " + meanLongitude + " is not within −180…180°");
        }
        if (!LonLat.isLatitude(meanLatitude)) {
            throw ParkGridException.invalidParameter("latitude", "mean latitude " + meanLatitude + " is not within −90…90°");
        }
        if (meanLongitude >= GK_WEST && meanLongitude <= GK_EAST) {
            long cm = 3 * Math.round(meanLongitude / 3);
            cm = Math.max(75, Math.min(135, cm));
            return (int) (4534 + (cm - 75) / 3);
        }
        int zone = (int) Math.floor((meanLongitude + 180) / 6) + 1;
        zone = Math.max(1, Math.min(60, zone));
        return (meanLatitude >= 0 ? 32600 : 32700) + zone;
    }

    /**
     * The projection for a lon/lat box: the zone of the box's centre.
     *
     * @throws ParkGridException (invalid input) when the box is empty or out of range
     */
    public static MetricProjection forExtent(Envelope lonLat) {
        if (lonLat.isNull()) throw ParkGridException.invalidParameter("geometry", "an empty extent has no metric projection");
        return forLongitude(lonLat.centre().x, lonLat.centre().y);
    }

    /** The EPSG code of the metric CRS. */
    public int epsg() {
        return epsg;
    }

    /**
     * A copy of an EPSG:4326 lon/lat geometry in the metric CRS (metres); the input is not changed.
     * Empty geometries stay empty.
     */
    public Geometry project(Geometry lonLat) {
        return transform(lonLat, forward, epsg);
    }

    /** A copy of a metric-CRS geometry in EPSG:4326 lon/lat degrees; the input is not changed. */
    public Geometry unproject(Geometry metric) {
        return transform(metric, inverse, 4326);
    }

    /** Area in square metres of a lon/lat polygon, on the plane of this projection (0 for points and lines). */
    public double areaSquareMetres(Geometry lonLat) {
        return project(lonLat).getArea();
    }

    private static Geometry transform(Geometry g, Proj4Transform t, int srid) {
        Geometry copy = t.applyTo(g);
        copy.setSRID(srid);
        return copy;
    }

    @Override
    public String toString() {
        return "EPSG:" + epsg;
    }
}
