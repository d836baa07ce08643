package parkgrid.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import parkgrid.feature.Feature;
import parkgrid.feature.FeatureSink;
import parkgrid.feature.GeometryKind;
import parkgrid.feature.Layer;
import parkgrid.feature.LayerSource;
import parkgrid.geo.GeoJsonReader;

/**
 * KML 2.2 (and KMZ: the first {@code .kml} in the zip) read with StAX, DTDs and external entities off. Every
 * {@code Placemark} is a feature: {@code Point}, {@code LineString}, {@code Polygon} (outer and inner boundaries)
 * or a {@code MultiGeometry} of one of them; {@code name} and {@code description} become properties of those names,
 * {@code ExtendedData} ({@code Data/value} and {@code SchemaData/SimpleData}) the others (names per
 * {@link FieldSchema}). Ids: a Placemark {@code id} of the form {@code fid_7} or {@code 7} (what ParkGrid's KML
 * export writes), else the Placemark's number. KML positions are WGS84 lon,lat[,alt] (altitude dropped). Namespaces
 * are ignored: elements are matched by local name. Streams: a first pass infers the schema, each
 * {@link LayerSource#forEach} parses the file again.
 */
public final class KmlLayerReader implements LayerReader {
    private static final Pattern FID = Pattern.compile("(?:fid_)?([1-9][0-9]{0,17})");

    @Override public String id() { return "kml"; }

    @Override public List<String> extensions() { return List.of(".kml", ".kmz"); }

    @Override
    public Read read(Path file, ReadOptions options) throws IOException {
        FieldSchema fields = new FieldSchema();
        GeometryKind[] kind = {null};
        String[] docName = {null};
        parse(file, p -> {
            if (p.name != null) fields.add("name", p.name);
            if (p.description != null) fields.add("description", p.description);
            p.data.forEach(fields::add);
            if (p.geometry != null) kind[0] = widen(kind[0], GeometryKind.fromName(p.geometry.getGeometryType()));
        }, n -> { if (docName[0] == null && !n.isEmpty()) docName[0] = n; });
        if (kind[0] == null) throw new IllegalArgumentException("the KML file has no Placemark with a geometry");
        String name = options.layerName();
        Layer layer = new Layer(name, docName[0] == null ? name : docName[0], null, null, kind[0], fields.schema(), "KML upload", null);
        LayerSource source = new LayerSource() {
            @Override public Layer layer() { return layer; }

            @Override
            public void forEach(FeatureSink sink) throws IOException {
                parse(file, p -> {
                    Map<String, Object> props = new LinkedHashMap<>();
                    if (p.name != null) props.put(fields.name("name"), FieldSchema.value(p.name));
                    if (p.description != null) props.put(fields.name("description"), FieldSchema.value(p.description));
                    p.data.forEach((k, v) -> props.put(fields.name(k), FieldSchema.value(v)));
                    sink.accept(new Feature(p.id, p.geometry, props));
                }, n -> { });
            }
        };
        return new Read(source, null);
    }

    private static GeometryKind widen(GeometryKind seen, GeometryKind now) {
        if (seen == null || seen == now) return now;
        if (seen.name().equals("MULTI" + now.name())) return seen;
        if (now.name().equals("MULTI" + seen.name())) return now;
        return seen; // mixed families: the checks name the features that do not fit
    }

    /** One Placemark as parsed. */
    private static final class Placemark {
        long id;
        String name;
        String description;
        final Map<String, String> data = new LinkedHashMap<>();
        Geometry geometry;
    }

    @FunctionalInterface
    private interface PlacemarkSink {
        void accept(Placemark p) throws IOException;
    }

    private static void parse(Path file, PlacemarkSink sink, java.util.function.Consumer<String> documentName) throws IOException {
        try (InputStream in = open(file)) {
            XMLInputFactory f = XMLInputFactory.newFactory();
            f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            XMLStreamReader x = f.createXMLStreamReader(in);
            long number = 0;
            int depth = 0;
            try {
                while (x.hasNext()) {
                    int e = x.next();
                    if (e == XMLStreamConstants.START_ELEMENT) {
                        depth++;
                        String local = x.getLocalName();
                        if (local.equals("Placemark")) {
                            number++;
                            Placemark p = placemark(x, number);
                            depth--;
                            sink.accept(p);
                        } else if (local.equals("name") && depth <= 3) {
                            documentName.accept(x.getElementText().trim());
                            depth--;
                        }
                    } else if (e == XMLStreamConstants.END_ELEMENT) {
                        depth--;
                    }
                }
            } catch (XMLStreamException e) {
                throw new IllegalArgumentException("KML is not well-formed XML at line " + e.getLocation().getLineNumber()
                        + " (Placemark " + (number + 1) + "): " + e.getMessage(), e);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Placemark " + number + " (line " + x.getLocation().getLineNumber() + "): "
                        + e.getMessage(), e);
            }
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("cannot read KML: " + e.getMessage(), e);
        }
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        byte[] head = in.readNBytes(2);
        in.close();
        if (head.length == 2 && head[0] == 'P' && head[1] == 'K') {
            ZipInputStream zip = new ZipInputStream(Files.newInputStream(file));
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".kml")) return zip;
            }
            zip.close();
            throw new IllegalArgumentException("the KMZ holds no .kml file");
        }
        return Files.newInputStream(file);
    }

    /** Reads from the Placemark's start tag to its end tag. */
    private static Placemark placemark(XMLStreamReader x, long number) throws XMLStreamException {
        Placemark p = new Placemark();
        String idAttribute = x.getAttributeValue(null, "id");
        Matcher m = idAttribute == null ? null : FID.matcher(idAttribute);
        p.id = m != null && m.matches() ? Long.parseLong(m.group(1)) : number;
        List<Geometry> parts = new ArrayList<>();
        int depth = 1;
        boolean multi = false;
        while (depth > 0) {
            int e = x.next();
            if (e == XMLStreamConstants.END_ELEMENT) {
                depth--;
                continue;
            }
            if (e != XMLStreamConstants.START_ELEMENT) continue;
            depth++;
            switch (x.getLocalName()) {
                case "name" -> { p.name = x.getElementText(); depth--; }
                case "description" -> { p.description = x.getElementText(); depth--; }
                case "Data" -> {
                    String key = x.getAttributeValue(null, "name");
                    String value = null;
                    int d = 1;
                    while (d > 0) {
                        int ev = x.next();
                        if (ev == XMLStreamConstants.START_ELEMENT) {
                            if (x.getLocalName().equals("value")) value = x.getElementText(); else d++;
                        } else if (ev == XMLStreamConstants.END_ELEMENT) {
                            d--;
                        }
                    }
                    depth--;
                    if (key != null) p.data.put(key, value);
                }
                case "SimpleData" -> {
                    String key = x.getAttributeValue(null, "name");
                    String value = x.getElementText();
                    depth--;
                    if (key != null) p.data.put(key, value);
                }
                case "MultiGeometry" -> multi = true;
                case "Point" -> { parts.add(point(x)); depth--; }
                case "LineString" -> { parts.add(line(x)); depth--; }
                case "Polygon" -> { parts.add(polygon(x)); depth--; }
                default -> { }
            }
        }
        p.geometry = combine(parts, multi);
        return p;
    }

    private static final GeometryFactory GEOMETRY = GeoJsonReader.WGS84;

    private static Point point(XMLStreamReader x) throws XMLStreamException {
        Coordinate[] c = coordinates(x, "Point");
        if (c.length != 1) throw new IllegalArgumentException("a Point needs one position, got " + c.length);
        return GEOMETRY.createPoint(c[0]);
    }

    private static LineString line(XMLStreamReader x) throws XMLStreamException {
        return GEOMETRY.createLineString(coordinates(x, "LineString"));
    }

    private static Polygon polygon(XMLStreamReader x) throws XMLStreamException {
        LinearRing shell = null;
        List<LinearRing> holes = new ArrayList<>();
        boolean inner = false;
        while (true) {
            int e = x.next();
            if (e == XMLStreamConstants.END_ELEMENT && x.getLocalName().equals("Polygon")) break;
            if (e != XMLStreamConstants.START_ELEMENT) continue;
            String local = x.getLocalName();
            if (local.equals("outerBoundaryIs")) inner = false;
            else if (local.equals("innerBoundaryIs")) inner = true;
            else if (local.equals("LinearRing")) {
                Coordinate[] c = coordinates(x, "LinearRing");
                if (c.length > 0 && !c[0].equals2D(c[c.length - 1])) {
                    throw new IllegalArgumentException("a LinearRing must end where it starts");
                }
                LinearRing ring = GEOMETRY.createLinearRing(c);
                if (inner) holes.add(ring); else shell = ring;
            }
        }
        if (shell == null) throw new IllegalArgumentException("a Polygon needs an outerBoundaryIs");
        return GEOMETRY.createPolygon(shell, holes.toArray(LinearRing[]::new));
    }

    /** The positions of the {@code coordinates} element inside {@code element}, up to its end tag. */
    private static Coordinate[] coordinates(XMLStreamReader x, String element) throws XMLStreamException {
        List<Coordinate> out = new ArrayList<>();
        while (true) {
            int e = x.next();
            if (e == XMLStreamConstants.END_ELEMENT && x.getLocalName().equals(element)) break;
            if (e == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("coordinates")) {
                for (String tuple : x.getElementText().trim().split("\\s+")) {
                    if (tuple.isEmpty()) continue;
                    String[] v = tuple.split(",");
                    if (v.length < 2) throw new IllegalArgumentException("position '" + tuple + "' needs lon,lat");
                    try {
                        out.add(new Coordinate(Double.parseDouble(v[0]), Double.parseDouble(v[1])));
                    } catch (NumberFormatException ex) {
                        throw new IllegalArgumentException("position '" + tuple + "' is not lon,lat numbers");
                    }
                }
            }
        }
        return out.toArray(Coordinate[]::new);
    }

    private static Geometry combine(List<Geometry> parts, boolean multi) {
        if (parts.isEmpty()) return null;
        if (parts.size() == 1 && !multi) return parts.get(0);
        String type = parts.get(0).getGeometryType();
        boolean same = parts.stream().allMatch(g -> g.getGeometryType().equals(type));
        if (same && type.equals("Point")) return GEOMETRY.createMultiPoint(parts.toArray(Point[]::new));
        if (same && type.equals("LineString")) return GEOMETRY.createMultiLineString(parts.toArray(LineString[]::new));
        if (same && type.equals("Polygon")) return GEOMETRY.createMultiPolygon(parts.toArray(Polygon[]::new));
        return GEOMETRY.buildGeometry(parts);
    }
}
