package parkgrid.api;

import io.javalin.security.RouteRole;

/**
 * Who may call an operation, declared with each operation, in rising order: {@link #PUBLIC} (anyone, no
 * token), {@link #VIEWER} (a token of any role), {@link #EDITOR} (writes, imports, answering suggestions),
 * {@link #ADMIN} (layers, tokens). A token's role grants its own rank and every rank below it.
 */
enum Role implements RouteRole {
    PUBLIC, VIEWER, EDITOR, ADMIN;

    /** The name in the OpenAPI document ({@code x-parkgrid-role}) and in tokens. */
    String apiName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The role a stored token holds ({@code viewer}, {@code editor}, {@code admin}, as {@link parkgrid.store.TokenStore#ROLES}). */
    static Role ofToken(String apiName) {
        Role r = valueOf(apiName.toUpperCase(java.util.Locale.ROOT));
        if (r == PUBLIC) throw new IllegalArgumentException("no token holds the role public");
        return r;
    }

    /** Whether a caller holding this role may call an operation that needs {@code needed}. */
    boolean grants(Role needed) {
        return ordinal() >= needed.ordinal();
    }
}
