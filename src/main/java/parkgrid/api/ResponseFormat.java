package parkgrid.api;

import io.javalin.http.Context;
import parkgrid.feature.ParkGridException;

/** JSON or HTML for a response: the {@code f} parameter wins, else the Accept header, else JSON. */
enum ResponseFormat {
    JSON, HTML;

    static ResponseFormat of(Context ctx) {
        String f = ctx.queryParam("f");
        if (f != null) {
            return switch (f) {
                case "json", "geojson", "application/json", "application/geo+json" -> JSON;
                case "html", "text/html" -> HTML;
                default -> throw ParkGridException.invalidParameter("f", "unknown format '" + f + "': use json or html");
            };
        }
        String accept = ctx.header("Accept");
        if (accept != null && accept.contains("text/html")) return HTML;
        return JSON;
    }
}
