package parkgrid.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.locationtech.jts.geom.Geometry;
import parkgrid.analysis.compliance.AreaFigures;
import parkgrid.analysis.compliance.ClassOverlap;
import parkgrid.analysis.compliance.ComplianceResult;
import parkgrid.analysis.compliance.LayerFinding;
import parkgrid.analysis.compliance.OverlapPiece;
import parkgrid.geo.GeoJsonWriter;
import parkgrid.json.Json;

/**
 * The compliance review as GeoJSON (RFC 7946, lon/lat): a FeatureCollection whose features are the project
 * boundary ({@code kind: boundary}), every overlap piece ({@code kind: overlap}, with its layer, control
 * feature id, class and areas) and, for lie-inside layers, the part outside ({@code kind: outside}); its
 * {@code summary} member holds the per-layer figures, classes and conclusions in Chinese and English.
 */
public final class ComplianceGeoJson {
    private ComplianceGeoJson() {}

    public static byte[] write(ComplianceResult r, String subject) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GeoJsonWriter geo = GeoJsonWriter.RFC7946;
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeArrayFieldStart("features");
            int id = 0;
            feature(g, geo, ++id, r.boundary(), "boundary", null, null, null, r.boundaryArea());
            for (LayerFinding f : r.findings()) {
                for (OverlapPiece p : f.pieces()) feature(g, geo, ++id, p.geometry(), "overlap", f, p.featureId(), p.classValue(), p.area());
                if (f.outsidePart() != null && !f.outsidePart().isEmpty()) {
                    feature(g, geo, ++id, f.outsidePart(), "outside", f, null, null, f.outside());
                }
            }
            g.writeEndArray();
            g.writeObjectFieldStart("summary");
            g.writeStringField("subject", subject);
            areas(g, "boundary", r.boundaryArea());
            g.writeBooleanField("compliant", r.compliant());
            g.writeStringField("conclusion_zh", r.conclusionZh());
            g.writeStringField("conclusion_en", r.conclusionEn());
            g.writeArrayFieldStart("layers");
            for (LayerFinding f : r.findings()) {
                g.writeStartObject();
                g.writeStringField("layer", f.layer().name());
                g.writeStringField("label_zh", f.layer().labelZh());
                g.writeStringField("label_en", f.layer().labelEn());
                g.writeStringField("rule", f.layer().rule().apiName());
                if (f.layer().classProperty() != null) g.writeStringField("class_property", f.layer().classProperty());
                g.writeNumberField("tolerance_m2", f.layer().toleranceSquareMetres());
                areas(g, "overlap", f.overlap());
                if (f.outsidePart() != null) areas(g, "outside", f.outside());
                g.writeNumberField("overlap_features", f.pieces().size());
                g.writeBooleanField("compliant", f.compliant());
                g.writeStringField("conclusion_zh", f.conclusionZh());
                g.writeStringField("conclusion_en", f.conclusionEn());
                g.writeArrayFieldStart("classes");
                for (ClassOverlap c : f.classes()) {
                    g.writeStartObject();
                    g.writeStringField("class", c.classValue());
                    g.writeNumberField("features", c.pieces());
                    areas(g, "overlap", c.area());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeStringField("units", "areas on the WGS84 ellipsoid (GeographicLib); 1 公顷 (ha) = 10 000 m², 1 亩 (mu) = 10 000/15 m² ≈ 666.667 m²");
            g.writeEndObject();
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    private static void feature(JsonGenerator g, GeoJsonWriter geo, int id, Geometry geom, String kind, LayerFinding f, Long featureId,
                                String classValue, AreaFigures a) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "Feature");
        g.writeNumberField("id", id);
        g.writeFieldName("geometry");
        geo.writeGeometry(g, geom);
        g.writeObjectFieldStart("properties");
        g.writeStringField("kind", kind);
        if (f != null) {
            g.writeStringField("layer", f.layer().name());
            g.writeStringField("label_zh", f.layer().labelZh());
        }
        if (featureId != null) g.writeNumberField("feature_id", featureId);
        if (f != null && f.layer().classProperty() != null && featureId != null) g.writeStringField("class", classValue);
        areas(g, "area", a);
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void areas(JsonGenerator g, String prefix, AreaFigures a) throws IOException {
        g.writeNumberField(prefix + "_m2", Math.round(a.squareMetres() * 100) / 100.0);
        g.writeNumberField(prefix + "_mu", Math.round(a.mu() * 10_000) / 10_000.0);
        g.writeNumberField(prefix + "_ha", Math.round(a.hectares() * 1_000_000) / 1_000_000.0);
    }
}
