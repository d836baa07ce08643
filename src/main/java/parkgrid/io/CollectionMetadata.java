package parkgrid.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

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
 */
public record CollectionMetadata(String title, String name, Long numberMatched, Long numberReturned, Instant timeStamp,
                                 JsonNode links, Map<String, Object> extra) {
    public CollectionMetadata {
        extra = extra == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    /** A collection with a title and nothing else; add members with the {@code with…} methods. */
    public static CollectionMetadata titled(String title) {
        return new CollectionMetadata(title, null, null, null, null, null, Map.of());
    }

    public CollectionMetadata withName(String n) {
        return new CollectionMetadata(title, n, numberMatched, numberReturned, timeStamp, links, extra);
    }

    public CollectionMetadata withNumbers(Long matched, Long returned) {
        return new CollectionMetadata(title, name, matched, returned, timeStamp, links, extra);
    }

    public CollectionMetadata withTimeStamp(Instant t) {
        return new CollectionMetadata(title, name, numberMatched, numberReturned, t, links, extra);
    }

    public CollectionMetadata withLinks(JsonNode l) {
        return new CollectionMetadata(title, name, numberMatched, numberReturned, timeStamp, l, extra);
    }

    /** This metadata with one more member after the features (it replaces one of the same name). */
    public CollectionMetadata with(String member, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extra);
        more.put(member, value);
        return new CollectionMetadata(title, name, numberMatched, numberReturned, timeStamp, links, more);
    }
}
