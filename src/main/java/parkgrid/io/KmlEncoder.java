package parkgrid.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import parkgrid.feature.Feature;

/**
 * KML 2.2 (UTF-8), streamed: one {@code Placemark id="fid_N"} per feature, the {@code name} and {@code description}
 * properties as KML's own elements, every other property as {@code ExtendedData/Data}. KML is WGS84 lon/lat by
 * definition, so positions are always written in CRS84 whatever CRS was asked, rounded to 8 decimals
 * ({@link RoundedDecimalText}). Read back by {@link KmlLayerReader}, Google Earth, QGIS and {@code ogrinfo}.
 *
 * <p>The elements are written as text into one buffered UTF-8 writer, escaped as StAX escapes them ({@code & < >},
 * and {@code "} in attributes): the JDK's StAX writer made a KML export twice ogr2ogr's time (it hands its UTF-8 to
 * the stream a byte at a time, and allocates per element).
 */
public final class KmlEncoder implements FeatureEncoder {
    private final Writer x;
    private final EncodingOptions options;
    private final StringBuilder coordinates = new StringBuilder(256);

    public KmlEncoder(OutputStream out, EncodingOptions options) {
        this.options = options;
        this.x = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

    @Override
    public void start(CollectionMetadata metadata) throws IOException {
        x.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document>");
        String name = metadata.name() != null ? metadata.name() : metadata.title();
        if (name != null) text("name", name);
    }

    @Override
    public void feature(Feature stored) throws IOException {
        Feature f = options.select(stored);
        x.write("<Placemark id=\"fid_");
        x.write(Long.toString(f.id()));
        x.write("\">");
        Object name = f.properties().get("name"), description = f.properties().get("description");
        if (name != null) text("name", name.toString());
        if (description != null) text("description", description.toString());
        boolean data = false;
        for (Map.Entry<String, Object> e : f.properties().entrySet()) {
            if (e.getKey().equals("name") || e.getKey().equals("description")) continue;
            if (!data) x.write("<ExtendedData>");
            data = true;
            x.write("<Data name=\"");
            escaped(e.getKey(), true);
            x.write("\">");
            if (e.getValue() != null) text("value", e.getValue().toString());
            x.write("</Data>");
        }
        if (data) x.write("</ExtendedData>");
        if (f.hasGeometry() && !f.geometry().isEmpty()) geometry(f.geometry());
        x.write("</Placemark>");
    }

    private void geometry(Geometry g) throws IOException {
        if (g instanceof Point p) {
            x.write("<Point>");
            coordinates(p.getCoordinateSequence());
            x.write("</Point>");
        } else if (g instanceof LineString l) {
            x.write("<LineString>");
            coordinates(l.getCoordinateSequence());
            x.write("</LineString>");
        } else if (g instanceof Polygon p) {
            x.write("<Polygon><outerBoundaryIs>");
            ring(p.getExteriorRing());
            x.write("</outerBoundaryIs>");
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                x.write("<innerBoundaryIs>");
                ring(p.getInteriorRingN(i));
                x.write("</innerBoundaryIs>");
            }
            x.write("</Polygon>");
        } else {
            x.write("<MultiGeometry>");
            for (int i = 0; i < g.getNumGeometries(); i++) geometry(g.getGeometryN(i));
            x.write("</MultiGeometry>");
        }
    }

    private void ring(LineString r) throws IOException {
        x.write("<LinearRing>");
        coordinates(r.getCoordinateSequence());
        x.write("</LinearRing>");
    }

    private void coordinates(CoordinateSequence seq) throws IOException {
        StringBuilder sb = coordinates;
        sb.setLength(0);
        for (int i = 0; i < seq.size(); i++) {
            if (i > 0) sb.append(' ');
            RoundedDecimalText.append(sb, seq.getX(i), 8);
            sb.append(',');
            RoundedDecimalText.append(sb, seq.getY(i), 8);
        }
        x.write("<coordinates>");
        x.append(sb);
        x.write("</coordinates>");
    }

    private void text(String element, String value) throws IOException {
        x.write('<');
        x.write(element);
        x.write('>');
        escaped(value, false);
        x.write("</");
        x.write(element);
        x.write('>');
    }

    /** XML character data ({@code & < >} escaped) or an attribute value ({@code "} too). */
    private void escaped(String s, boolean attribute) throws IOException {
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String entity = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> attribute ? "&quot;" : null;
                default -> null;
            };
            if (entity == null) continue;
            x.write(s, from, i - from);
            x.write(entity);
            from = i + 1;
        }
        x.write(s, from, s.length() - from);
    }

    @Override
    public void end(Map<String, Object> trailing) throws IOException {
        x.write("</Document></kml>");
        x.flush();
    }

    @Override
    public void close() throws IOException {
        x.close();
    }
}
