package parkgrid.api;

import io.javalin.http.Context;
import java.util.Optional;
import parkgrid.feature.ParkGridException;
import parkgrid.store.basemap.TileArchive;

/**
 * {@code /basemap/{z}/{x}/{y}}: a tile of the offline basemap ({@code PARKGRID_BASEMAP=mbtiles:<file>} or {@code pmtiles:<file>}), XYZ
 * addressed (y down) like the Leaflet tile layer asks. An address the package holds no tile for is 204 No
 * Content (OGC API – Tiles allows it for empty tiles; a browser logs no error for it); an address that cannot
 * exist (not a number, outside the zoom's grid) is a 404 problem naming it.
 */
final class BasemapHandler {
    /** The package is read-only and may be large: browsers keep tiles a day. */
    private static final String CACHE = "public, max-age=86400";
    private final TileArchive archive;

    BasemapHandler(TileArchive archive) {
        this.archive = archive;
    }

    void tile(Context ctx) {
        int z = coordinate(ctx, "z"), x = coordinate(ctx, "x"), y = coordinate(ctx, "y");
        Optional<TileArchive.Tile> tile;
        try {
            tile = archive.tile(z, x, y);
        } catch (IllegalArgumentException e) {
            throw ParkGridException.notFound("z", "no basemap tile " + z + "/" + x + "/" + y + ": " + e.getMessage());
        }
        ctx.header("Cache-Control", CACHE);
        if (tile.isEmpty()) {
            ctx.status(204);
            return;
        }
        if (tile.get().contentEncoding() != null) ctx.header("Content-Encoding", tile.get().contentEncoding());
        // binary: no charset (Utf8ContentType.encodeBody set UTF-8 for every answer, which Jetty would append)
        ctx.res().setCharacterEncoding(null);
        ctx.res().setContentType(tile.get().mediaType());
        ctx.result(tile.get().bytes());
    }

    private static int coordinate(Context ctx, String name) {
        String value = ctx.pathParam(name);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ParkGridException.notFound(name, "no basemap tile at " + name + " = '" + value + "': tile coordinates are whole numbers");
        }
    }
}
