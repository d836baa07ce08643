package parkgrid.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import parkgrid.config.Settings;
import parkgrid.store.basemap.TileArchive;

/**
 * {@code /map/config}: what the map page needs from the deployment: the basemap (none by default) and
 * {@code roles}, role → layer name ({@link parkgrid.config.LayerRoles}), which the page styles and
 * picks its default layers by.
 */
final class MapConfigHandler {
    private final ObjectNode config = Responses.JSON.createObjectNode();

    /** @param archive the offline basemap of {@code PARKGRID_BASEMAP=mbtiles:|pmtiles:<file>}, else null */
    MapConfigHandler(Settings settings, TileArchive archive) {
        ObjectNode b = config.putObject("basemap").put("name", settings.basemapName());
        switch (settings.basemapName()) {
            case "osm" -> b.put("url", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
                    .put("attribution", "© OpenStreetMap contributors").put("maxZoom", 19);
            case "tianditu" -> b.put("url", "https://t{s}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0"
                            + "&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk="
                            + settings.tiandituKey())
                    .put("labelsUrl", "https://t{s}.tianditu.gov.cn/cva_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0"
                            + "&LAYER=cva&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk="
                            + settings.tiandituKey())
                    .put("subdomains", "01234567").put("attribution", "© 天地图 Tianditu").put("maxZoom", 18);
            case "mbtiles", "pmtiles" -> offline(b, archive);
            default -> { /* none: the map draws on a plain background, offline */ }
        }
        ObjectNode roles = config.putObject("roles");
        settings.roles().asMap().forEach(roles::put);
    }

    /**
     * The offline basemap as the page draws it: served here, the file's zoom range as the native zooms (Leaflet
     * scales the deepest tiles beyond), its bounds, and for vector tiles the layer ids to paint.
     */
    private static void offline(ObjectNode b, TileArchive archive) {
        b.put("url", "/basemap/{z}/{x}/{y}").put("format", archive.format()).put("vector", archive.isVector())
                .put("minNativeZoom", archive.minZoom()).put("maxNativeZoom", archive.maxZoom()).put("maxZoom", 22)
                .put("attribution", archive.attribution());
        archive.bounds().ifPresent(bounds -> {
            var array = b.putArray("bounds");
            for (double v : bounds) array.add(v);
        });
        if (archive.isVector()) {
            var layers = b.putArray("vectorLayers");
            archive.vectorLayers().forEach(layers::add);
        }
    }

    void get(Context ctx) {
        ctx.contentType(OgcVocabulary.JSON).result(config.toString());
    }
}
