package io.contextualtargeting.engine.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * Plants the catalog: Zipf-like popularity on a random order of items, one to three genres per
 * item (related genres together), franchises of 2-6 parts sharing genres, and a share of items
 * released during the period (they cannot be watched before their creation time).
 */
final class CatalogGenerator {
    /** Chance that an item starts a franchise. */
    static final double FRANCHISE_START = 0.08;
    /** Share of items released inside the period. */
    static final double NEW_RELEASE_SHARE = 0.12;
    /** Chances of an item having 1, 2 or 3 genres. */
    private static final double[] GENRE_COUNT_WEIGHTS = {0.45, 0.35, 0.20};
    private static final double MEAN_CATALOG_AGE_YEARS = 10;
    private static final int OLDEST_YEARS = 60;
    private static final long CATALOG_HISTORY = 5 * 365 * Period.DAY;

    private final RandomStream random;
    private final Period period;
    private final int periodStartYear;
    private final Genres genres;
    /** Popularity of the item of rank r (0-based) is (r + 1)^-popularitySkew. */
    private final double popularitySkew;

    private CatalogGenerator(long seed, Period period, WorldShape shape) {
        this.random = RandomStream.of(seed, RandomStream.Purpose.CATALOG, 0);
        this.period = period;
        this.periodStartYear = Period.yearOf(period.start());
        this.genres = new Genres(shape.genres());
        this.popularitySkew = shape.popularitySkew();
    }

    static Catalog generate(GeneratorSettings settings, Period period) {
        return new CatalogGenerator(settings.seed(), period, settings.shape()).build(settings.items());
    }

    private Catalog build(int count) {
        int[] rank = permutation(count);
        List<Item> items = new ArrayList<>(count);
        List<int[]> franchises = new ArrayList<>();
        while (items.size() < count) {
            int index = items.size();
            int left = count - index;
            if (left >= 2 && random.chance(FRANCHISE_START)) {
                int parts = Math.min(left, 2 + random.nextInt(Titles.maxParts() - 1));
                franchises.add(addFranchise(items, franchises.size(), parts, zipf(rank[index])));
            } else {
                items.add(item(index, Titles.fresh(random), drawGenres(), -1, zipf(rank[index]), oldReleaseYear()));
            }
        }
        return new Catalog(genres, items, franchises.toArray(new int[0][]));
    }

    private int[] addFranchise(List<Item> items, int franchise, int parts, double leadPopularity) {
        String base = Titles.fresh(random);
        long genreMask = drawGenres();
        int year = Math.max(periodStartYear - OLDEST_YEARS, oldReleaseYear() - 2 * (parts - 1));
        int[] members = new int[parts];
        for (int part = 0; part < parts; part++) {
            int index = items.size();
            // Sequels draw a share of the first part's audience.
            double popularity = part == 0 ? leadPopularity : leadPopularity * random.uniform(0.3, 1.0);
            items.add(item(index, Titles.sequel(base, part), genreMask, franchise, popularity, year));
            members[part] = index;
            year = Math.min(periodStartYear, year + 1 + random.nextInt(3));
        }
        return members;
    }

    private Item item(int index, String title, long genreMask, int franchise, double popularity, int oldYear) {
        String id = Integer.toString(index + 1);
        if (random.chance(NEW_RELEASE_SHARE)) {
            long created = period.start() + (long) (random.nextDouble() * period.length());
            return new Item(index, id, title, Period.yearOf(created), created, genreMask, franchise, popularity);
        }
        long earliest = Math.max(Period.startOfYear(oldYear), period.start() - CATALOG_HISTORY);
        long created = earliest + (long) (random.nextDouble() * (period.start() - earliest));
        return new Item(index, id, title, oldYear, created, genreMask, franchise, popularity);
    }

    private int oldReleaseYear() {
        int age = (int) Math.min(OLDEST_YEARS, random.exponential(MEAN_CATALOG_AGE_YEARS));
        return periodStartYear - age;
    }

    private long drawGenres() {
        int count = 1 + random.pick(GENRE_COUNT_WEIGHTS);
        long mask = 0;
        double[] weights = new double[genres.count()];
        for (int n = 0; n < count; n++) {
            for (int genre = 0; genre < genres.count(); genre++) {
                weights[genre] = genres.companionWeight(genre, mask);
            }
            mask |= 1L << random.pick(weights);
        }
        return mask;
    }

    private int[] permutation(int count) {
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    private double zipf(int rank) {
        return StrictMath.pow(rank + 1, -popularitySkew);
    }
}
