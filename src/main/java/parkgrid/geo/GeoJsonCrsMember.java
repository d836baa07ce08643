package parkgrid.geo;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * GeoJSON's legacy {@code crs} member (GeoJSON 2008; RFC 7946 dropped it, GDAL and QGIS still honour it):
 * {@code "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4546"}}}. ParkGrid reads it
 * on geometries sent to processes (also as a plain string, {@code "EPSG:4546"} or an OGC CRS URI) and writes
 * it on exported files in a CRS other than CRS84.
 *
 * <p><b>Axis order.</b> Positions under a {@code crs} member are x = easting or longitude, y = northing or
 * latitude, whatever the CRS's authority order — as GeoJSON 2008 says and as GDAL reads and writes such
 * files ({@code ogrinfo} reports "Data axis to CRS axis mapping: 2,1" for EPSG:4546). The {@code crs}
 * <em>query parameter</em> of OGC API Part 2 uses the authority order instead; see {@link SupportedCrs}.
 */
public final class GeoJsonCrsMember {
    private GeoJsonCrsMember() {}

    /**
     * The CRS a GeoJSON object declares, empty when it has no {@code crs} member.
     *
     * @throws IllegalArgumentException when the member is malformed or names a CRS ParkGrid does not serve
     */
    public static Optional<SupportedCrs> of(JsonNode object) {
        JsonNode crs = object == null ? null : object.get("crs");
        if (crs == null || crs.isNull()) return Optional.empty();
        String name;
        if (crs.isTextual()) {
            name = crs.asText();
        } else if (crs.isObject() && "name".equals(crs.path("type").asText()) && crs.path("properties").path("name").isTextual()) {
            name = crs.path("properties").path("name").asText();
        } else {
            throw new IllegalArgumentException("crs must be {\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::4546\"}} "
                    + "or a CRS name such as \"EPSG:4546\"; got " + crs);
        }
        return Optional.of(SupportedCrs.find(name).orElseThrow(() -> new IllegalArgumentException(
                "unsupported crs '" + name + "': use one of " + SupportedCrs.supportedList())));
    }

    /**
     * Reads a GeoJSON geometry and returns it in CRS84: positions are taken in the CRS of its {@code crs}
     * member (easting/longitude first) or, without one, as lon/lat.
     *
     * @throws IllegalArgumentException naming what is wrong; for lon/lat positions out of range, saying when
     *                                  they look like projected metres and which {@code crs} to declare
     */
    public static Geometry readGeometryToCrs84(JsonNode node) {
        Optional<SupportedCrs> crs = of(node);
        Geometry g = GeoJsonReader.readGeometry(node);
        if (crs.isEmpty() || crs.get().isStorageCrs()) {
            requireLonLat(g, crs.isEmpty());
            return g;
        }
        Geometry lonLat = new CrsTransformer(crs.get()).toCrs84(g, CrsTransformer.AxisOrder.EAST_NORTH);
        if (crs.get().geographic()) requireLonLat(lonLat, false);
        else if (!isLonLat(lonLat.getEnvelopeInternal())) {
            throw new IllegalArgumentException("the positions do not lie in the area of " + crs.get().title() + " (" + crs.get().urn()
                    + "); under a crs member positions are [easting, northing] in metres");
        }
        return lonLat;
    }

    /** Writes {@code "crs": {"type":"name","properties":{"name": urn}}} as the next field of the open object. */
    public static void write(JsonGenerator g, SupportedCrs crs) throws IOException {
        g.writeObjectFieldStart("crs");
        g.writeStringField("type", "name");
        g.writeObjectFieldStart("properties");
        g.writeStringField("name", crs.urn());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static boolean isLonLat(Envelope e) {
        return LonLat.contains(e);
    }

    private static void requireLonLat(Geometry g, boolean undeclared) {
        Envelope e = g.getEnvelopeInternal();
        if (isLonLat(e)) return;
        String where = String.format(Locale.ROOT, "positions up to (%.3f, %.3f) are outside " + LonLat.RANGE,
                Math.abs(e.getMaxX()) > Math.abs(e.getMinX()) ? e.getMaxX() : e.getMinX(),
                Math.abs(e.getMaxY()) > Math.abs(e.getMinY()) ? e.getMaxY() : e.getMinY());
        throw new IllegalArgumentException(undeclared ? where + "; " + ProjectedCoordinateHint.describe(e) : where);
    }
}
