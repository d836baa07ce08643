package parkgrid.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import parkgrid.feature.Feature;
import parkgrid.feature.ParkGridException;
import parkgrid.feature.PropertyDefinition;
import parkgrid.geo.CrsTransformer;
import parkgrid.geo.SupportedCrs;

/**
 * Writes polygon features as a TXT 电子报盘 ({@link LandApprovalTxt}), UTF-8: one parcel per feature, positions in
 * CGCS2000 3° Gauss–Krüger, X = northing, Y = easting, in metres to the millimetre. The zone: the asked CRS when it is
 * a CGCS2000 3° Gauss–Krüger one (EPSG:4513–4533 with the zone prefix in Y, 4534–4554 without); otherwise the 3° zone
 * of the first feature, with the prefix. The header (带号 included) is written when the first feature says the zone.
 * Parcel fields come from the properties {@link LandApprovalTxt#SCHEMA} names ({@code parcel_no} defaults to the id,
 * {@code area_ha} to the plane area in the zone); points are numbered J1… per parcel, each ring closed by repeating
 * its first point. Non-polygon features are refused.
 */
public final class LandApprovalTxtEncoder implements FeatureEncoder {
    private final Writer out;
    private final EncodingOptions options;
    private CrsTransformer projection;
    private int zone;
    private boolean headerWritten;

    public LandApprovalTxtEncoder(OutputStream out, EncodingOptions options) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        this.options = options;
        int code = options.crs().epsg();
        if (code >= 4513 && code <= 4554) choose(code);
    }

    private void choose(int code) {
        projection = new CrsTransformer(SupportedCrs.forEpsg(code).orElseThrow());
        zone = code <= 4533 ? code - 4513 + 25 : (75 + 3 * (code - 4534)) / 3;
    }

    @Override
    public void start(CollectionMetadata metadata) {
        // the header waits for the first feature: its 带号 may come from that feature's place
    }

    private void header() throws IOException {
        headerWritten = true;
        line(LandApprovalTxt.ATTRIBUTES);
        line("格式版本号=1.0");
        line("数据产生单位=ParkGrid");
        line("数据产生日期=" + LocalDate.now(ZoneOffset.UTC));
        line("坐标系=2000国家大地坐标系");
        line("几度分带=3");
        line("投影类型=高斯克吕格");
        line("计量单位=米");
        line("带号=" + (zone == 0 ? "" : zone));
        line("精度=0.001");
        line("转换参数=,,,,,,");
        line(LandApprovalTxt.PARCELS);
    }

    @Override
    public void feature(Feature f) throws IOException {
        if (!f.hasGeometry() || f.geometry().isEmpty()) return;
        Geometry g = f.geometry();
        if (!(g.getGeometryType().equals("Polygon") || g.getGeometryType().equals("MultiPolygon"))) {
            throw ParkGridException.invalidParameter("f", "TXT 电子报盘 holds parcels (polygons); feature " + f.id() + " is a "
                    + g.getGeometryType());
        }
        if (projection == null) {
            int z = (int) Math.round(g.getCentroid().getX() / 3);
            if (z < 25 || z > 45) throw ParkGridException.invalidParameter("f", "feature " + f.id() + " lies outside China's 3° zones 25–45");
            choose(4513 + z - 25);
        }
        if (!headerWritten) header();
        Geometry projected = projection.fromCrs84(g, CrsTransformer.AxisOrder.EAST_NORTH);
        List<LineString> rings = new ArrayList<>();
        for (int i = 0; i < projected.getNumGeometries(); i++) {
            Polygon p = (Polygon) projected.getGeometryN(i);
            rings.add(p.getExteriorRing());
            for (int k = 0; k < p.getNumInteriorRing(); k++) rings.add(p.getInteriorRingN(k));
        }
        int points = rings.stream().mapToInt(LineString::getNumPoints).sum();
        Map<String, Object> props = f.properties();
        StringBuilder header = new StringBuilder().append(points);
        for (PropertyDefinition d : LandApprovalTxt.SCHEMA) {
            Object v = props.get(d.name());
            if (v == null && d.name().equals("area_ha")) v = decimals(projected.getArea() / 10_000, 4);
            if (v == null && d.name().equals("parcel_no")) v = f.id();
            if (v == null && d.name().equals("shape")) v = "面";
            header.append(',').append(v == null ? "" : field(v));
        }
        line(header.append(",@").toString());
        int name = 0;
        for (int r = 0; r < rings.size(); r++) {
            Coordinate[] cs = rings.get(r).getCoordinates();
            int firstName = name + 1;
            for (int i = 0; i < cs.length; i++) {
                int n = i == cs.length - 1 ? firstName : ++name;
                // a prefixed CRS's false easting (zone · 10⁶ + 500 000) already puts the zone in front
                line("J" + n + "," + (r + 1) + "," + decimals(cs[i].y, 3) + "," + decimals(cs[i].x, 3));
            }
        }
    }

    private static String field(Object v) {
        return v.toString().replace(",", "，").replace("@", "＠").replace("\n", " ");
    }

    private static String decimals(double v, int places) {
        return BigDecimal.valueOf(v).setScale(places, RoundingMode.HALF_EVEN).toPlainString();
    }

    private void line(String s) throws IOException {
        out.write(s);
        out.write("\r\n");
    }

    @Override
    public void end(Map<String, Object> trailing) throws IOException {
        if (!headerWritten) header();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
