package parkgrid.api;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import parkgrid.feature.ParkGridException;

/**
 * A feature's version as an HTTP entity tag (RFC 9110 §8.8.3): strong, {@code "3"} for version 3 of the
 * default representation (GeoJSON in CRS84); another representation of the same version has a tag of its own
 * ({@code "3-html"}, {@code "3-epsg4490"}), since a strong tag must differ between representations a cache could mix
 * up. {@code If-Match} on a write names the version the client last read, through any representation's tag;
 * {@code If-None-Match} on a read lets a client that has the current representation skip the body (304).
 */
final class EntityTag {
    static final String IF_MATCH = "If-Match";
    static final String IF_NONE_MATCH = "If-None-Match";

    private EntityTag() {}

    /** The ETag header value of {@code version} (its default representation: GeoJSON in CRS84). */
    static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The ETag header value of {@code version} in one representation: {@link #of(long)} for GeoJSON in CRS84,
     * else the version with a suffix naming the representation ({@code html}, or the CRS as {@code epsg<code>}).
     */
    static String of(long version, boolean html, parkgrid.geo.SupportedCrs crs) {
        if (html) return "\"" + version + "-html\"";
        if (crs.epsg() == 0) return of(version);
        return "\"" + version + "-epsg" + crs.epsg() + "\"";
    }

    /**
     * The version a write must find, from {@code If-Match} (RFC 9110 §13.1.1, strong comparison): the current
     * version when the header lists it or is {@code *}; the store checks it again inside its transaction.
     *
     * @param current the feature's version now
     * @throws ParkGridException precondition required without the header, precondition failed when it names
     *                           no current version, invalid input when it is not a list of entity tags
     */
    static long requireMatch(Context ctx, long current, String subject) {
        return match(ctx, current, subject, parkgrid.config.WritePrecondition.REQUIRED);
    }

    /**
     * As {@link #requireMatch}, but under {@link parkgrid.config.WritePrecondition#OPTIONAL} a write without
     * {@code If-Match} takes the current version (the last writer wins); a header given is checked all the same.
     */
    static long match(Context ctx, long current, String subject, parkgrid.config.WritePrecondition precondition) {
        String header = ctx.header(IF_MATCH);
        if ((header == null || header.isBlank()) && precondition == parkgrid.config.WritePrecondition.OPTIONAL) return current;
        if (header == null || header.isBlank()) {
            throw ParkGridException.preconditionRequired(IF_MATCH, subject + ": send If-Match with the ETag you last read ("
                    + of(current) + " now), so that a change made since is not overwritten");
        }
        if (header.trim().equals("*")) return current;
        if (!versions(header).contains(current)) {
            throw ParkGridException.preconditionFailed(IF_MATCH, subject + " is at " + of(current) + ", not " + header.trim()
                    + ": it was changed since you read it; read it again and repeat your change");
        }
        return current;
    }

    /** The version {@code If-Match} names, when the header is one strong tag of a version; empty without the header. */
    static OptionalLong optionalMatch(Context ctx) {
        String header = ctx.header(IF_MATCH);
        if (header == null || header.isBlank()) return OptionalLong.empty();
        List<Long> vs = versions(header);
        if (vs.size() != 1) throw ParkGridException.invalidParameter(IF_MATCH, "If-Match must name one version here, e.g. \"3\"");
        return OptionalLong.of(vs.get(0));
    }

    /** {@link #noneMatchHolds(Context, long)} for any entity tag {@code entityTag} (quoted, e.g. a content hash). */
    static boolean noneMatchHolds(Context ctx, String entityTag) {
        String header = ctx.header(IF_NONE_MATCH);
        if (header == null || header.isBlank()) return false;
        if (header.trim().equals("*")) return true;
        for (String tag : header.split(",")) {
            String t = tag.trim();
            if (t.startsWith("W/")) t = t.substring(2);
            if (t.equals(entityTag)) return true;
        }
        return false;
    }

    /** The versions of the strong tags in an If-Match list; a weak tag never matches (strong comparison). */
    private static List<Long> versions(String header) {
        List<Long> out = new ArrayList<>();
        for (String tag : header.split(",")) {
            String t = tag.trim();
            if (t.startsWith("W/\"") && t.endsWith("\"")) continue;
            if (t.length() < 3 || !t.startsWith("\"") || !t.endsWith("\"")) {
                throw ParkGridException.invalidParameter(IF_MATCH, "If-Match must list entity tags such as \"3\" (quotes included), got " + header.trim());
            }
            String value = t.substring(1, t.length() - 1);
            int dash = value.indexOf('-');
            if (dash > 0) value = value.substring(0, dash); // a representation's tag names the same version
            try {
                out.add(Long.parseLong(value));
            } catch (NumberFormatException e) {
                out.add(-1L); // a tag this server never gave: matches nothing
            }
        }
        return out;
    }
}
