package parkgrid.io.mvt;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import parkgrid.feature.Feature;
import parkgrid.feature.ParkGridException;
import parkgrid.geo.WebMercatorQuad;

/**
 * Builds one MVT layer of one {@link WebMercatorQuad} tile from EPSG:4326 features, as PostGIS's
 * {@code ST_AsMVTGeom} would: projected to EPSG:3857 and to tile coordinates (extent 4096, y down), clipped to
 * the tile plus a {@link #BUFFER} of 64 units, simplified to about a screen pixel (1/256 of the tile, 16 units),
 * lines shorter and polygons smaller than a pixel dropped, and — below zoom {@link #THIN_BELOW_ZOOM} — points thinned
 * to one per 4 × 4 pixel cell and lines to one per pair of 8 × 8 pixel cells of their first and last points (the first by id). So a tile stays small at any zoom whatever the layer's size.
 */
public final class TileLayerBuilder {
    public static final int BUFFER = 64;
    /** One pixel of a 256-pixel tile, in tile units. */
    public static final double PIXEL = (double) MvtLayer.EXTENT / WebMercatorQuad.TILE_PIXELS;
    /** Points are thinned to one per cell of {@link #THIN_CELL} tile units below this zoom. */
    public static final int THIN_BELOW_ZOOM = 14;
    public static final double THIN_CELL = 4 * PIXEL;
    /** Lines are thinned by the cells of {@link #LINE_THIN_PIXELS} × {@link #LINE_THIN_PIXELS} pixels their ends fall in. */
    public static final int LINE_THIN_PIXELS = 8;
    private static final double LINE_THIN_CELL = LINE_THIN_PIXELS * PIXEL;

    private final MvtLayer layer;
    private final String layerName;
    private final int zoom;
    private final Envelope tile;
    private final double scale;
    private final List<String> properties;
    private final Instant deadline;
    private final Geometry clip;
    private final Envelope clipBox = new Envelope(-BUFFER, MvtLayer.EXTENT + BUFFER, -BUFFER, MvtLayer.EXTENT + BUFFER);
    private final Set<Long> occupiedCells = new HashSet<>();
    private final Set<List<Long>> occupiedLineCells = new HashSet<>();
    private long seen;

    /**
     * @param properties the properties to write, null for all
     * @param deadline   when building must stop with a time-limit problem, or null
     */
    public TileLayerBuilder(String layerName, int zoom, long row, long col, List<String> properties, Instant deadline) {
        if (!WebMercatorQuad.exists(zoom, row, col)) throw new IllegalArgumentException("no tile " + zoom + "/" + row + "/" + col);
        this.layer = new MvtLayer(layerName);
        this.layerName = layerName;
        this.zoom = zoom;
        this.tile = WebMercatorQuad.tileEnvelope(zoom, row, col, 0);
        this.scale = MvtLayer.EXTENT / tile.getWidth();
        this.properties = properties;
        this.deadline = deadline;
        this.clip = new GeometryFactory().toGeometry(clipBox);
    }

    /** The bounds to read features from: the tile with its buffer, EPSG:4326 lon/lat. */
    public static Envelope readEnvelope(int zoom, long row, long col) {
        return WebMercatorQuad.lonLatEnvelope(WebMercatorQuad.tileEnvelope(zoom, row, col, (double) BUFFER / MvtLayer.EXTENT));
    }

    /** Adds {@code f} when something of it is left after clipping, simplifying and thinning. */
    public void add(Feature f) {
        if (++seen % 256 == 0 && deadline != null && Instant.now().isAfter(deadline)) {
            throw ParkGridException.timeLimit(null, "the tile of layer '" + layerName + "' at zoom " + zoom + " took longer than the "
                    + "time limit (" + layer.size() + " features written); ask for a higher zoom or a filter");
        }
        if (!f.hasGeometry() || f.geometry().isEmpty()) return;
        Geometry g = toTile(f.geometry());
        int type = MvtGeometry.typeOf(g);
        if (type == MvtGeometry.POINT) {
            g = keptPoints(g);
            if (g == null) return;
        } else {
            if (type == MvtGeometry.LINESTRING && zoom < THIN_BELOW_ZOOM && !freeEnds(g)) return;
            if (!clipBox.contains(g.getEnvelopeInternal())) g = ofType(g.intersection(clip), type);
            if (g.isEmpty()) return;
            g = type == MvtGeometry.POLYGON ? TopologyPreservingSimplifier.simplify(g, PIXEL) : DouglasPeuckerSimplifier.simplify(g, PIXEL);
            if (type == MvtGeometry.LINESTRING && g.getLength() < PIXEL) return;
            if (type == MvtGeometry.POLYGON && g.getArea() < PIXEL * PIXEL) return;
            if (MvtGeometry.typeOf(g) != type) return; // clipping left only a lower dimension (a polygon touching the edge)
        }
        layer.add(f.id(), selected(f.properties()), MvtGeometry.of(g));
    }

    /** The points of {@code g} inside the buffered tile and (below {@link #THIN_BELOW_ZOOM}) in a free cell; null when none. */
    private Geometry keptPoints(Geometry g) {
        GeometryFactory gf = g.getFactory();
        List<Coordinate> kept = new java.util.ArrayList<>();
        for (Coordinate c : g.getCoordinates()) {
            if (!clipBox.contains(c)) continue;
            if (zoom < THIN_BELOW_ZOOM) {
                long cell = ((long) Math.floor(c.x / THIN_CELL) << 32) ^ ((long) Math.floor(c.y / THIN_CELL) & 0xFFFFFFFFL);
                if (!occupiedCells.add(cell)) continue;
            }
            kept.add(c);
        }
        if (kept.isEmpty()) return null;
        return kept.size() == 1 ? gf.createPoint(kept.get(0)) : gf.createMultiPointFromCoords(kept.toArray(Coordinate[]::new));
    }

    /**
     * Whether the line {@code g} (tile coordinates, not yet clipped) is the first with its pair of thinning cells of
     * its first and last points — a later line with the same pair adds nothing visible at this zoom (PostGIS: the
     * same DISTINCT ON in {@code PostGisSql.tile}).
     */
    private boolean freeEnds(Geometry g) {
        Coordinate[] first = g.getGeometryN(0).getCoordinates(), last = g.getGeometryN(g.getNumGeometries() - 1).getCoordinates();
        if (first.length == 0 || last.length == 0) return true;
        Coordinate a = first[0], b = last[last.length - 1];
        return occupiedLineCells.add(List.of(cellOf(a.x), cellOf(a.y), cellOf(b.x), cellOf(b.y)));
    }

    private static long cellOf(double tileUnits) {
        return (long) Math.floor(tileUnits / LINE_THIN_CELL);
    }

    /** The parts of {@code g} of MVT type {@code type} (a clipped polygon may also leave lines and points on the edge). */
    private static Geometry ofType(Geometry g, int type) {
        if (!g.getGeometryType().equals("GeometryCollection")) return g;
        List<Geometry> parts = new java.util.ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (!part.getGeometryType().equals("GeometryCollection") && MvtGeometry.typeOf(part) == type) parts.add(part);
        }
        return g.getFactory().buildGeometry(parts);
    }

    private Map<String, Object> selected(Map<String, Object> all) {
        if (properties == null) return all;
        Map<String, Object> out = new LinkedHashMap<>();
        for (String p : properties) if (all.containsKey(p)) out.put(p, all.get(p));
        return out;
    }

    /** A copy of {@code lonLat} in this tile's coordinates. */
    private Geometry toTile(Geometry lonLat) {
        Geometry g = lonLat.copy();
        g.apply(new CoordinateSequenceFilter() {
            @Override public void filter(CoordinateSequence seq, int i) {
                seq.setOrdinate(i, 0, (WebMercatorQuad.x(seq.getX(i)) - tile.getMinX()) * scale);
                seq.setOrdinate(i, 1, (tile.getMaxY() - WebMercatorQuad.y(seq.getY(i))) * scale);
            }

            @Override public boolean isDone() { return false; }

            @Override public boolean isGeometryChanged() { return true; }
        });
        return g;
    }

    /** Features written so far. */
    public int size() {
        return layer.size();
    }

    /** The tile holding this layer; no bytes when it has no feature (an empty layer is left out). */
    public byte[] toTile() {
        return layer.size() == 0 ? new byte[0] : layer.toTile();
    }
}
