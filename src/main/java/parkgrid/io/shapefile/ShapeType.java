package parkgrid.io.shapefile;

import parkgrid.feature.GeometryKind;

/** The Shapefile shape types ParkGrid writes (2D) and reads (2D, Z and M; Z and M values are dropped). */
enum ShapeType {
    NULL(0), POINT(1), POLYLINE(3), POLYGON(5), MULTIPOINT(8);

    final int code;

    ShapeType(int code) {
        this.code = code;
    }

    /** The shape type a layer of {@code kind} is written as (a polygon and a multipolygon layer are both type 5). */
    static ShapeType of(GeometryKind kind) {
        return switch (kind) {
            case POINT -> POINT;
            case MULTIPOINT -> MULTIPOINT;
            case LINESTRING, MULTILINESTRING -> POLYLINE;
            case POLYGON, MULTIPOLYGON -> POLYGON;
        };
    }

    /** The 2D type of a shape code: PointZ (11) and PointM (21) are POINT, and so on. */
    static ShapeType ofCode(int code) {
        return switch (code) {
            case 0 -> NULL;
            case 1, 11, 21 -> POINT;
            case 3, 13, 23 -> POLYLINE;
            case 5, 15, 25 -> POLYGON;
            case 8, 18, 28 -> MULTIPOINT;
            default -> throw new IllegalArgumentException("shape type " + code + " is not supported (MultiPatch?)");
        };
    }
}
