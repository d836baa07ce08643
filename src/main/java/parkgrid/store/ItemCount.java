package parkgrid.store;

/**
 * How many features a layer holds, as the collection metadata reports it ({@code itemCount}): exact, or, for a
 * layer too big to count on every request, the database's estimate (never presented as exact).
 *
 * @param value the number of features (an estimate when {@code exact} is false), 0 or more
 * @param exact true when {@code value} is the number of rows the layer holds now
 */
public record ItemCount(long value, boolean exact) {
    public ItemCount {
        if (value < 0) throw new IllegalArgumentException("a feature count is 0 or more, got " + value);
    }

    public static ItemCount exactly(long value) {
        return new ItemCount(value, true);
    }

    public static ItemCount estimated(long value) {
        return new ItemCount(value, false);
    }
}
