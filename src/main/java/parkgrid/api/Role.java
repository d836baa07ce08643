package parkgrid.api;

import io.javalin.security.RouteRole;

/**
 * Who may call an operation. Declared with each operation; only {@link #PUBLIC} exists on the routes so
 * far, and nothing checks roles yet (the access check comes with tokens).
 */
enum Role implements RouteRole {
    PUBLIC, EDITOR, ADMIN;

    /** The name in the OpenAPI document ({@code x-parkgrid-role}). */
    String apiName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
