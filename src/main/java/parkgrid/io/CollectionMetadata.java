package parkgrid.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import parkgrid.feature.Layer;

/**
 * What a feature collection says besides its features. Every member is optional (null: not written).
 * GeoJSON writes them in this order: {@code type}, {@code name}, the legacy {@code crs} (files in another
 * CRS), {@code numberMatched}, {@code numberReturned}, {@code timeStamp}, then the features, then
 * {@code links} and the {@code extra} members in their insertion order.
 *
 * @param title          the human title (HTML page heading); not a GeoJSON member
 * @param name           the layer name of an exported file
 * @param numberMatched  features matching the query (OGC API – Features)
 * @param numberReturned features in this answer
 * @param timeStamp      when the answer was made, written to the second
 * @param links          an array of link objects (href, rel, type, title)
 * @param extra          further members after the features, e.g. {@code summary}: values are null, String,
 *                       Number, Boolean, a Jackson {@link JsonNode}, a Map/List of those, or a {@link FeatureSet}
 * @param layer          the layer the features belong to (geometry kind, typed schema): file formats with a
 *                       header of fields (Shapefile, CSV, FlatGeobuf, GeoPackage) need it; null when the
 *                       collection is no layer's (an analysis answer)
 */
public record CollectionMetadata(String title, String name, Long numberMatched, Long numberReturned, Instant timeStamp,
                                 JsonNode links, Map<String, Object> extra, Layer layer) {
    public CollectionMetadata {
        extra = extra == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    public CollectionMetadata(String title, String name, Long numberMatched, Long numberReturned, Instant timeStamp,
                              JsonNode links, Map<String, Object> extra) {
        this(title, name, numberMatched, numberReturned, timeStamp, links, extra, null);
    }

    /** A collection with a title and nothing else; add members with the {@code with…} methods. */
    public static CollectionMetadata titled(String title) {
        return new CollectionMetadata(title, null, null, null, null, null, Map.of(), null);
    }

    public CollectionMetadata withName(String n) {
        return new CollectionMetadata(title, n, numberMatched, numberReturned, timeStamp, links, extra, layer);
    }

    public CollectionMetadata withNumbers(Long matched, Long returned) {
        return new CollectionMetadata(title, name, matched, returned, timeStamp, links, extra, layer);
    }

    public CollectionMetadata withTimeStamp(Instant t) {
        return new CollectionMetadata(title, name, numberMatched, numberReturned, t, links, extra, layer);
    }

    public CollectionMetadata withLinks(JsonNode l) {
        return new CollectionMetadata(title, name, numberMatched, numberReturned, timeStamp, l, extra, layer);
    }

    /** This metadata naming the layer its features belong to (its name, kind and schema). */
    public CollectionMetadata withLayer(Layer l) {
        return new CollectionMetadata(title, name, numberMatched, numberReturned, timeStamp, links, extra, l);
    }

    /** This metadata with one more member after the features (it replaces one of the same name). */
    public CollectionMetadata with(String member, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extra);
        more.put(member, value);
        return new CollectionMetadata(title, name, numberMatched, numberReturned, timeStamp, links, more, layer);
    }
}
