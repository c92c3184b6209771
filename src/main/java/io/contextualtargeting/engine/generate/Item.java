package io.contextualtargeting.engine.generate;

/**
 * One synthetic catalog item, as items.csv shows it plus the planted facts behind it.
 *
 * @param index             0-based position in the catalog; ITEM_ID is index + 1
 * @param genreMask         bit g set when the item has genre g of the vocabulary
 * @param franchise         the franchise (series) the item belongs to, or -1
 * @param popularity        planted relative popularity (Zipf-like), not a count
 */
public record Item(int index, String id, String title, int releaseYear, long creationTimestamp, long genreMask,
                   int franchise, double popularity) {

    public boolean hasGenre(int genre) {
        return (genreMask & (1L << genre)) != 0;
    }
}
