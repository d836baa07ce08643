package parkgrid.api;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import parkgrid.feature.ParkGridException;

/**
 * A feature's version as an HTTP entity tag (RFC 9110 §8.8.3): strong, {@code "3"} for version 3, the same
 * for every representation of the feature. {@code If-Match} on a write names the version the client last read;
 * {@code If-None-Match} on a read lets a client that has the current version skip the body (304).
 */
final class EntityTag {
    static final String IF_MATCH = "If-Match";
    static final String IF_NONE_MATCH = "If-None-Match";

    private EntityTag() {}

    /** The ETag header value of {@code version}. */
    static String of(long version) {
        return "\"" + version + "\"";
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
        String header = ctx.header(IF_MATCH);
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

    /** True when {@code If-None-Match} lists {@code version} or is {@code *} (weak comparison, RFC 9110 §13.1.2). */
    static boolean noneMatchHolds(Context ctx, long version) {
        return noneMatchHolds(ctx, of(version));
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
            try {
                out.add(Long.parseLong(t.substring(1, t.length() - 1)));
            } catch (NumberFormatException e) {
                out.add(-1L); // a tag this server never gave: matches nothing
            }
        }
        return out;
    }
}
