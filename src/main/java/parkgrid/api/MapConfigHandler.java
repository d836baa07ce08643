package parkgrid.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import parkgrid.config.Settings;

/**
 * {@code /map/config}: what the map page needs from the deployment: the basemap (none by default) and
 * {@code roles}, role → layer name ({@link parkgrid.config.LayerRoles}), which the page styles and
 * picks its default layers by.
 */
final class MapConfigHandler {
    private final ObjectNode config = Responses.JSON.createObjectNode();

    MapConfigHandler(Settings settings) {
        ObjectNode b = config.putObject("basemap").put("name", settings.basemap());
        switch (settings.basemap()) {
            case "osm" -> b.put("url", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
                    .put("attribution", "© OpenStreetMap contributors").put("maxZoom", 19);
            case "tianditu" -> b.put("url", "https://t{s}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0"
                            + "&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk="
                            + settings.tiandituKey())
                    .put("labelsUrl", "https://t{s}.tianditu.gov.cn/cva_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0"
                            + "&LAYER=cva&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk="
                            + settings.tiandituKey())
                    .put("subdomains", "01234567").put("attribution", "© 天地图 Tianditu").put("maxZoom", 18);
            default -> { /* none: the map draws on a plain background, offline */ }
        }
        ObjectNode roles = config.putObject("roles");
        settings.roles().asMap().forEach(roles::put);
    }

    void get(Context ctx) {
        ctx.contentType(OgcVocabulary.JSON).result(config.toString());
    }
}
