package parkgrid.io.csv;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import parkgrid.feature.Feature;
import parkgrid.feature.GeometryKind;
import parkgrid.feature.PropertyDefinition;
import parkgrid.feature.PropertyType;
import parkgrid.io.CollectionMetadata;
import parkgrid.io.EncodingOptions;
import parkgrid.io.FeatureEncoder;
import parkgrid.io.FileLayer;

/**
 * A CSV table (RFC 4180, CRLF line ends) of one layer: {@code fid}, the properties, for a point layer the
 * coordinates ({@code lon},{@code lat} in a geographic CRS, {@code x},{@code y} — easting, northing — in a
 * projected one; left out when a property already has that name), and the geometry as WKT in {@code wkt}
 * (easting first). Strings are always quoted, numbers never, so a reader (ours, or GDAL with
 * {@code QUOTED_FIELDS_AS_STRING=YES}) tells the text {@code "001"} from the integer 1; a number property
 * always has a decimal point. Null is an empty field. UTF-8 by default; {@code encoding=utf-8-bom} starts
 * with a byte-order mark so that Excel opens it as UTF-8, {@code encoding=gbk} writes GBK. A CSV says nothing
 * of its CRS: the coordinates are in the CRS asked for.
 */
public final class CsvEncoder implements FeatureEncoder {
    private final Writer out;
    private final EncodingOptions options;
    private final WktText wkt = new WktText();
    private FileLayer layer;
    private boolean coordinates;

    public CsvEncoder(OutputStream out, EncodingOptions options) throws IOException {
        this.options = options;
        if (options.encodingOrUtf8().byteOrderMark()) out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        this.out = new BufferedWriter(new OutputStreamWriter(out, options.encodingOrUtf8().charset()), 1 << 16);
    }

    @Override
    public void start(CollectionMetadata metadata) throws IOException {
        layer = FileLayer.of(metadata, options, "CSV");
        List<String> names = new ArrayList<>(List.of("fid"));
        layer.properties().forEach(p -> names.add(p.name()));
        List<String> xy = layer.crs().geographic() ? List.of("lon", "lat") : List.of("x", "y");
        coordinates = layer.kind() == GeometryKind.POINT && names.stream().noneMatch(xy::contains);
        if (coordinates) names.addAll(xy);
        names.add(names.contains("wkt") ? "geometry_wkt" : "wkt");
        out.write(String.join(",", names));
        out.write("\r\n");
    }

    @Override
    public void feature(Feature f) throws IOException {
        StringBuilder line = new StringBuilder().append(f.id());
        for (PropertyDefinition p : layer.properties()) {
            line.append(',');
            Object v = p.type().coerce(f.properties().get(p.name()));
            if (v == null) continue;
            if (p.type() == PropertyType.STRING) quote(line, (String) v);
            else if (p.type() == PropertyType.NUMBER) line.append(number((Double) v));
            else line.append(v);
        }
        Geometry g = layer.geometry(f);
        if (coordinates) {
            line.append(',');
            if (g instanceof Point pt && !pt.isEmpty()) line.append(number(pt.getX())).append(',').append(number(pt.getY()));
            else line.append(',');
        }
        line.append(',');
        if (g != null) {
            line.append('"');
            wkt.append(line, g);
            line.append('"');
        }
        out.write(line.append("\r\n").toString());
    }

    /** A number with a decimal point and without exponent: {@code 1000000000.0}, {@code 0.5}. */
    static String number(double d) {
        String shortest = Double.toString(d);
        // the usual case, 1e-3 <= |d| < 1e7: Double.toString is already plain (BigDecimal would give the same text)
        if (Double.isFinite(d) && shortest.indexOf('E') < 0 && !shortest.equals("-0.0")) return shortest;
        String plain = new BigDecimal(Double.toString(d)).toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    private static void quote(StringBuilder line, String s) {
        line.append('"').append(s.replace("\"", "\"\"")).append('"');
    }

    @Override
    public void end(Map<String, Object> trailing) throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
