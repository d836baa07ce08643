package parkgrid.store;

/**
 * Told how far an import has come, after every batch a store writes (still inside the import's
 * transaction: nothing is visible to readers until the whole import commits).
 */
@FunctionalInterface
public interface ImportProgress {
    ImportProgress NONE = (layer, written) -> { };

    /** @param written features of {@code layer} checked and written so far */
    void written(String layer, long written);
}
