package io.contextualtargeting.engine.generate;

import java.util.List;

/**
 * The synthetic item catalog, held in memory, with the samplers users draw items from: by
 * popularity overall, by popularity within one genre, and within one franchise.
 */
public final class Catalog {
    private final Genres genres;
    private final List<Item> items;
    private final ItemSampler overall;
    private final ItemSampler[] byGenre;
    private final int[][] franchises;
    /** CREATION_TIMESTAMP by item index, unboxed: checked on every draw. */
    private final long[] createdAt;

    Catalog(Genres genres, List<Item> items, int[][] franchises) {
        this.genres = genres;
        this.items = List.copyOf(items);
        this.franchises = franchises;
        double[] popularity = new double[items.size()];
        this.createdAt = new long[items.size()];
        for (Item item : items) {
            popularity[item.index()] = item.popularity();
            createdAt[item.index()] = item.creationTimestamp();
        }
        int[] all = new int[items.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        this.overall = new ItemSampler(all, popularity);
        this.byGenre = new ItemSampler[genres.count()];
        for (int genre = 0; genre < genres.count(); genre++) {
            int g = genre;
            int[] members = items.stream().filter(item -> item.hasGenre(g)).mapToInt(Item::index).toArray();
            byGenre[genre] = members.length == 0 ? null : new ItemSampler(members, popularity);
        }
    }

    public List<Item> items() {
        return items;
    }

    public Item item(int index) {
        return items.get(index);
    }

    public int size() {
        return items.size();
    }

    /** The genre vocabulary, in the order genre masks use. */
    public List<String> genreNames() {
        return genres.names();
    }

    Genres genres() {
        return genres;
    }

    /** The GENRES field of an item: '|'-separated genre names. */
    public String genreField(Item item) {
        return genres.field(item.genreMask());
    }

    /** Whether at least one item has the genre. */
    public boolean offers(int genre) {
        return byGenre[genre] != null;
    }

    /** Item indices of one franchise, in release order. */
    int[] franchise(int franchise) {
        return franchises[franchise];
    }

    /** Whether the item exists at time t (new releases do not exist before their creation). */
    boolean releasedBy(int item, long t) {
        return createdAt[item] <= t;
    }

    int sampleByPopularity(RandomStream random) {
        return overall.sample(random);
    }

    int sampleInGenre(int genre, RandomStream random) {
        return byGenre[genre].sample(random);
    }
}
