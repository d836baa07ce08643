package parkgrid.io;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import parkgrid.feature.Feature;

/**
 * KML 2.2 (UTF-8), streamed with StAX: one {@code Placemark id="fid_N"} per feature, the {@code name} and
 * {@code description} properties as KML's own elements, every other property as {@code ExtendedData/Data}. KML is
 * WGS84 lon/lat by definition, so positions are always written in CRS84 whatever CRS was asked. Read back by
 * {@link KmlLayerReader}, Google Earth, QGIS and {@code ogrinfo}.
 */
public final class KmlEncoder implements FeatureEncoder {
    private final OutputStream out;
    private final XMLStreamWriter x;
    private final EncodingOptions options;

    public KmlEncoder(OutputStream out, EncodingOptions options) throws IOException {
        this.out = out;
        this.options = options;
        try {
            this.x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    @Override
    public void start(CollectionMetadata metadata) throws IOException {
        try {
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("kml");
            x.writeDefaultNamespace("http://www.opengis.net/kml/2.2");
            x.writeStartElement("Document");
            String name = metadata.name() != null ? metadata.name() : metadata.title();
            if (name != null) text("name", name);
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    @Override
    public void feature(Feature stored) throws IOException {
        Feature f = options.select(stored);
        try {
            x.writeStartElement("Placemark");
            x.writeAttribute("id", "fid_" + f.id());
            Object name = f.properties().get("name"), description = f.properties().get("description");
            if (name != null) text("name", name.toString());
            if (description != null) text("description", description.toString());
            boolean data = false;
            for (Map.Entry<String, Object> e : f.properties().entrySet()) {
                if (e.getKey().equals("name") || e.getKey().equals("description")) continue;
                if (!data) x.writeStartElement("ExtendedData");
                data = true;
                x.writeStartElement("Data");
                x.writeAttribute("name", e.getKey());
                if (e.getValue() != null) text("value", e.getValue().toString());
                x.writeEndElement();
            }
            if (data) x.writeEndElement();
            if (f.hasGeometry() && !f.geometry().isEmpty()) geometry(f.geometry());
            x.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    private void geometry(Geometry g) throws XMLStreamException {
        if (g instanceof Point p) {
            x.writeStartElement("Point");
            coordinates(p);
            x.writeEndElement();
        } else if (g instanceof LineString l) {
            x.writeStartElement("LineString");
            coordinates(l);
            x.writeEndElement();
        } else if (g instanceof Polygon p) {
            x.writeStartElement("Polygon");
            x.writeStartElement("outerBoundaryIs");
            ring(p.getExteriorRing());
            x.writeEndElement();
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                x.writeStartElement("innerBoundaryIs");
                ring(p.getInteriorRingN(i));
                x.writeEndElement();
            }
            x.writeEndElement();
        } else {
            x.writeStartElement("MultiGeometry");
            for (int i = 0; i < g.getNumGeometries(); i++) geometry(g.getGeometryN(i));
            x.writeEndElement();
        }
    }

    private void ring(LineString r) throws XMLStreamException {
        x.writeStartElement("LinearRing");
        coordinates(r);
        x.writeEndElement();
    }

    private void coordinates(Geometry g) throws XMLStreamException {
        StringBuilder sb = new StringBuilder();
        for (var c : g.getCoordinates()) {
            if (sb.length() > 0) sb.append(' ');
            sb.append(number(c.x)).append(',').append(number(c.y));
        }
        text("coordinates", sb.toString());
    }

    private static String number(double v) {
        return java.math.BigDecimal.valueOf(v).setScale(8, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    private void text(String element, String value) throws XMLStreamException {
        x.writeStartElement(element);
        x.writeCharacters(value);
        x.writeEndElement();
    }

    @Override
    public void end(Map<String, Object> trailing) throws IOException {
        try {
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndDocument();
            x.flush();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            x.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
        out.close();
    }
}
