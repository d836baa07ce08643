package parkgrid.analysis.facility;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import parkgrid.feature.Feature;
import parkgrid.feature.ParkGridException;
import parkgrid.geo.MetricProjection;

/**
 * Candidate sites on a regular square grid over a study area: the cell centres, {@code spacing} metres apart in
 * the study area's metric projection ({@link MetricProjection}, the CGCS2000 3° zone of its centre), that lie
 * inside the polygon; returned as EPSG:4326 points with ids 1, 2, … (row by row from the south-west) and
 * properties {@code grid_row}, {@code grid_col}.
 */
public final class CandidateGrid {
    /** More grid points than this make the coverage matrix and the model too large to answer in time. */
    public static final int MAX_POINTS = 20_000;

    private CandidateGrid() {}

    /**
     * @param studyAreaLonLat a Polygon or MultiPolygon, EPSG:4326
     * @param spacingMetres   grid spacing, metres (&gt; 0)
     * @throws ParkGridException (invalid input) naming {@code study_area} (not a polygon, empty) or {@code spacing_m}
     *                           (≤ 0, or no grid point inside the area); (too large) naming {@code spacing_m} for more than
     *                           {@link #MAX_POINTS} points
     */
    public static List<Feature> points(Geometry studyAreaLonLat, double spacingMetres) {
        if (studyAreaLonLat == null || !(studyAreaLonLat instanceof Polygonal) || studyAreaLonLat.isEmpty()) {
            throw ParkGridException.invalidParameter("study_area", "the study area must be a Polygon or MultiPolygon, got "
                    + (studyAreaLonLat == null ? "nothing" : studyAreaLonLat.getGeometryType()));
        }
        if (!(spacingMetres > 0) || Double.isInfinite(spacingMetres)) {
            throw ParkGridException.invalidParameter("spacing_m", "grid spacing must be a positive number of metres, got " + spacingMetres);
        }
        MetricProjection projection = MetricProjection.forExtent(studyAreaLonLat.getEnvelopeInternal());
        Geometry metric = projection.project(studyAreaLonLat);
        Envelope box = metric.getEnvelopeInternal();
        double cols = Math.floor(box.getWidth() / spacingMetres) + 1, rows = Math.floor(box.getHeight() / spacingMetres) + 1;
        if (cols * rows > MAX_POINTS * 50.0) {
            throw ParkGridException.tooLarge("spacing_m", String.format(java.util.Locale.ROOT,
                    "a %.0f m grid over the study area has about %.0f cells; use a spacing of at least %.0f m", spacingMetres,
                    cols * rows * metric.getArea() / Math.max(box.getArea(), 1), Math.ceil(Math.sqrt(metric.getArea() / MAX_POINTS))));
        }
        PreparedGeometry inside = PreparedGeometryFactory.prepare(metric);
        GeometryFactory gf = metric.getFactory();
        double x0 = box.getMinX() + (box.getWidth() - (cols - 1) * spacingMetres) / 2;
        double y0 = box.getMinY() + (box.getHeight() - (rows - 1) * spacingMetres) / 2;
        List<Feature> out = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                Point p = gf.createPoint(new Coordinate(x0 + c * spacingMetres, y0 + r * spacingMetres));
                if (!inside.covers(p)) continue;
                if (out.size() == MAX_POINTS) {
                    throw ParkGridException.tooLarge("spacing_m", "a " + spacingMetres + " m grid puts more than " + MAX_POINTS
                            + " candidate sites in the study area; use a spacing of at least "
                            + (long) Math.ceil(Math.sqrt(metric.getArea() / MAX_POINTS)) + " m");
                }
                Map<String, Object> props = new LinkedHashMap<>();
                props.put("grid_row", r);
                props.put("grid_col", c);
                out.add(new Feature(out.size() + 1, projection.unproject(p), props));
            }
        }
        if (out.isEmpty()) {
            throw ParkGridException.invalidParameter("spacing_m", "no point of a " + spacingMetres + " m grid falls inside the study area");
        }
        return out;
    }
}
