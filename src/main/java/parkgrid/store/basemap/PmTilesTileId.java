package parkgrid.store.basemap;

/**
 * The PMTiles v3 tile id of an XYZ address (spec "Tile IDs"): the tiles of every lower zoom counted first
 * ((4^z − 1) / 3), then the position of (x, y) on the zoom's Hilbert curve.
 */
final class PmTilesTileId {
    private PmTilesTileId() {}

    /** @throws IllegalArgumentException for a zoom above 26 (past the spec) or x/y outside 0..2^z−1 */
    static long of(int z, long x, long y) {
        if (z < 0 || z > 26) throw new IllegalArgumentException("PMTiles addresses zooms 0..26, not " + z);
        long n = 1L << z;
        if (x < 0 || x >= n || y < 0 || y >= n) throw new IllegalArgumentException("tile " + x + "/" + y + " is outside zoom " + z);
        long before = ((1L << (2 * z)) - 1) / 3;
        long d = 0;
        for (long s = n >>> 1; s > 0; s >>>= 1) {
            long rx = (x & s) != 0 ? 1 : 0;
            long ry = (y & s) != 0 ? 1 : 0;
            d += s * s * ((3 * rx) ^ ry);
            // rotate the quadrant so the curve's pieces join (the classic xy2d, on the low bits only)
            if (ry == 0) {
                if (rx == 1) {
                    x = s - 1 - x;
                    y = s - 1 - y;
                }
                long t = x;
                x = y;
                y = t;
            }
        }
        return before + d;
    }
}
