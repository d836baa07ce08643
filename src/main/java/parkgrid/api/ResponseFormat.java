package parkgrid.api;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import parkgrid.feature.ParkGridException;
import parkgrid.io.FeatureFormat;
import parkgrid.io.FeatureFormats;

/**
 * The representation of a response: the {@code f} parameter wins, else the Accept header, else JSON.
 * Metadata documents are JSON or HTML ({@link #of}); feature collections come in every format the
 * {@link FeatureFormats} registry holds ({@link #features}).
 */
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

    /** The format of a feature collection answer, from ParkGrid's registry. */
    static FeatureFormat features(Context ctx) {
        return features(ctx.queryParam("f"), ctx.header("Accept"), FeatureFormats.STANDARD);
    }

    /**
     * @param f      the {@code f} parameter or null
     * @param accept the Accept header or null; one that offers none of the formats falls back to the default
     * @throws ParkGridException (400, parameter {@code f}) for an {@code f} no format has, listing those that exist
     */
    static FeatureFormat features(String f, String accept, FeatureFormats formats) {
        if (f != null) {
            return formats.byName(f).orElseThrow(() -> ParkGridException.invalidParameter("f",
                    "unknown format '" + f + "': use one of " + String.join(", ", fValues(formats))));
        }
        return formats.byAccept(accept).orElse(formats.defaultFormat());
    }

    /** The short {@code f} values (names and aliases, not media types), the default first. */
    static List<String> fValues(FeatureFormats formats) {
        List<String> values = new ArrayList<>();
        for (FeatureFormat x : formats.all()) {
            values.add(x.name());
            for (String a : x.aliases()) if (!a.contains("/")) values.add(a);
        }
        return values;
    }
}
