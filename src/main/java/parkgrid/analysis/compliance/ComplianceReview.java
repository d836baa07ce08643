package parkgrid.analysis.compliance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import parkgrid.feature.Feature;
import parkgrid.feature.ParkGridException;
import parkgrid.geo.EllipsoidalArea;

/**
 * Site compliance review (选址合规审查): a project boundary overlaid on the control layers (三区三线 and any
 * other), the overlap per layer and per class on the WGS84 ellipsoid in m², 亩 and 公顷, and a conclusion per
 * layer and overall that follows each layer's {@link ControlRule}.
 *
 * <p>Geometry: intersections are taken in lon/lat (as PostGIS {@code ST_Intersection} on {@code geometry}),
 * their areas on the ellipsoid ({@link EllipsoidalArea}, as {@code ST_Area(…::geography)}). The features of
 * one control layer are taken not to overlap each other (as in 三调 and 三区三线 data): a layer's overlap is the
 * sum of its pieces. Pure: features in, a {@link ComplianceResult} out.
 */
public final class ComplianceReview {
    private static final int CHECK_EVERY = 500;
    private final Instant deadline;

    /** @param deadline when the answer is due (null: no limit); past it the review stops with a time-limit problem */
    public ComplianceReview(Instant deadline) {
        this.deadline = deadline;
    }

    /**
     * Reviews {@code boundary} against {@code layers}.
     *
     * @param boundary a valid Polygon or MultiPolygon in lon/lat with a positive area
     * @throws ParkGridException (invalid input) for {@code boundary} when it is not one
     */
    public ComplianceResult review(Geometry boundary, List<ControlLayer> layers) {
        requirePolygonal(boundary);
        Instant started = Instant.now();
        PreparedGeometry prepared = PreparedGeometryFactory.prepare(boundary);
        Envelope box = boundary.getEnvelopeInternal();
        List<LayerFinding> findings = new ArrayList<>();
        for (ControlLayer layer : layers) findings.add(review(boundary, prepared, box, layer, started));
        boolean compliant = findings.stream().allMatch(LayerFinding::compliant);
        List<String> zh = new ArrayList<>();
        List<String> en = new ArrayList<>();
        for (LayerFinding f : findings) {
            if (!f.compliant()) {
                zh.add(f.findingZh());
                en.add(f.findingEn());
            }
        }
        String conclusionZh = compliant ? "符合：项目用地与 " + findings.size() + " 个管控图层均无冲突" : "不符合：" + String.join("；", zh);
        String conclusionEn = compliant ? "compliant: no conflict with any of the " + findings.size() + " control layers"
                : "not compliant: " + String.join("; ", en);
        return new ComplianceResult(boundary, new AreaFigures(EllipsoidalArea.squareMetres(boundary)), findings, compliant,
                conclusionZh, conclusionEn);
    }

    private LayerFinding review(Geometry boundary, PreparedGeometry prepared, Envelope box, ControlLayer layer, Instant started) {
        List<OverlapPiece> pieces = new ArrayList<>();
        int n = 0;
        for (Feature f : layer.features()) {
            if (++n % CHECK_EVERY == 0) checkDeadline(started, layer, n);
            Geometry g = f.geometry();
            if (g == null || !(g instanceof Polygonal) || !box.intersects(g.getEnvelopeInternal()) || !prepared.intersects(g)) continue;
            // most hits of a large layer lie wholly inside the boundary: they are their own overlap, no overlay needed
            Geometry piece = prepared.containsProperly(g) ? g : polygonal(boundary.intersection(g), boundary.getFactory());
            if (piece.isEmpty()) continue;
            double m2 = EllipsoidalArea.squareMetres(piece);
            if (m2 <= 0) continue;
            pieces.add(new OverlapPiece(f.id(), classOf(f, layer.classProperty()), piece, new AreaFigures(m2)));
        }
        pieces.sort(Comparator.comparingLong(OverlapPiece::featureId));
        AreaFigures overlap = AreaFigures.ZERO;
        Map<String, double[]> byClass = new LinkedHashMap<>();
        Map<String, Integer> countByClass = new LinkedHashMap<>();
        for (OverlapPiece p : pieces) {
            overlap = overlap.plus(p.area());
            byClass.computeIfAbsent(p.classValue(), k -> new double[1])[0] += p.area().squareMetres();
            countByClass.merge(p.classValue(), 1, Integer::sum);
        }
        List<ClassOverlap> classes = new ArrayList<>();
        byClass.forEach((k, v) -> classes.add(new ClassOverlap(k, new AreaFigures(v[0]), countByClass.get(k))));
        classes.sort(Comparator.comparingDouble((ClassOverlap c) -> -c.area().squareMetres()));
        if (layer.rule() == ControlRule.AVOID) {
            boolean ok = overlap.squareMetres() <= layer.toleranceSquareMetres();
            String zh = ok ? "未占用" + layer.labelZh() : "占用" + layer.labelZh() + " " + overlap.zh();
            String en = ok ? "does not occupy " + layer.labelEn() : "occupies " + overlap.en() + " of " + layer.labelEn();
            return new LayerFinding(layer, overlap, AreaFigures.ZERO, null, classes, pieces, ok, zh, en);
        }
        Geometry inside = pieces.isEmpty() ? boundary.getFactory().createPolygon()
                : UnaryUnionOp.union(pieces.stream().map(OverlapPiece::geometry).toList());
        Geometry outsidePart = polygonal(boundary.difference(inside), boundary.getFactory());
        AreaFigures outside = new AreaFigures(EllipsoidalArea.squareMetres(outsidePart));
        boolean ok = outside.squareMetres() <= layer.toleranceSquareMetres();
        String zh = ok ? "全部位于" + layer.labelZh() + "内" : "位于" + layer.labelZh() + "外 " + outside.zh();
        String en = ok ? "lies entirely inside the " + layer.labelEn() : outside.en() + " lie outside the " + layer.labelEn();
        return new LayerFinding(layer, overlap, outside, outsidePart, classes, pieces, ok, zh, en);
    }

    private void checkDeadline(Instant started, ControlLayer layer, int done) {
        if (deadline == null || !Instant.now().isAfter(deadline)) return;
        double s = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        throw ParkGridException.timeLimit(null, String.format(Locale.ROOT,
                "compliance review stopped after %.1f s: %d of %d features of '%s' overlaid", s, done, layer.features().size(), layer.name()));
    }

    private static void requirePolygonal(Geometry boundary) {
        if (boundary == null || !(boundary instanceof Polygonal)) {
            throw ParkGridException.invalidParameter("boundary", "the project boundary must be a Polygon or MultiPolygon, got "
                    + (boundary == null ? "nothing" : boundary.getGeometryType()));
        }
        if (boundary.isEmpty()) throw ParkGridException.invalidParameter("boundary", "the project boundary is empty");
        if (!boundary.isValid()) {
            var err = new org.locationtech.jts.operation.valid.IsValidOp(boundary).getValidationError();
            throw ParkGridException.invalidParameter("boundary", "the project boundary is not a valid polygon: " + err.getMessage()
                    + " at " + err.getCoordinate());
        }
        if (!(EllipsoidalArea.squareMetres(boundary) > 0)) {
            throw ParkGridException.invalidParameter("boundary", "the project boundary encloses no area");
        }
    }

    private static String classOf(Feature f, String property) {
        if (property == null) return null;
        Object v = f.properties().get(property);
        return v == null ? null : v.toString();
    }

    /** The polygons of {@code g} (an intersection may add lines or points where edges touch). */
    static Geometry polygonal(Geometry g, GeometryFactory factory) {
        if (g instanceof Polygonal) return g;
        @SuppressWarnings("unchecked")
        List<Polygon> polygons = PolygonExtracter.getPolygons(g);
        if (polygons.isEmpty()) return factory.createPolygon();
        if (polygons.size() == 1) return polygons.get(0);
        return factory.createMultiPolygon(polygons.toArray(Polygon[]::new));
    }
}
