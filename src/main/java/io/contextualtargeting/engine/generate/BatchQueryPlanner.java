package io.contextualtargeting.engine.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Chooses the queries of the batch segment jobs from what was actually generated: the genres with
 * the most interactions, one AND query (a genre and a release year that co-occur on watched items),
 * the most watched items and items of middling popularity. Every queried genre and item exists.
 */
final class BatchQueryPlanner {
    static final int GENRE_QUERIES = BatchQueries.MAX_ATTRIBUTE_LINES - 1;
    static final int POPULAR_ITEMS = 5;
    static final int MIDDLE_ITEMS = 5;
    /** Middling popularity: ranks between these shares of the catalog. */
    private static final double MIDDLE_FROM = 0.10;
    private static final double MIDDLE_TO = 0.30;

    private BatchQueryPlanner() {
    }

    static BatchQueries plan(Catalog catalog, long[] interactionsPerItem) {
        List<Integer> genres = topGenres(catalog, interactionsPerItem);
        List<String> expressions = new ArrayList<>();
        for (int genre : genres) {
            expressions.add(genreTerm(catalog, genre));
        }
        andQuery(catalog, interactionsPerItem, genres).ifPresent(expressions::add);
        return new BatchQueries(expressions, itemIds(catalog, interactionsPerItem));
    }

    private static List<Integer> topGenres(Catalog catalog, long[] interactionsPerItem) {
        int genreCount = catalog.genreNames().size();
        long[] perGenre = new long[genreCount];
        for (Item item : catalog.items()) {
            for (int genre = 0; genre < genreCount; genre++) {
                if (item.hasGenre(genre)) {
                    perGenre[genre] += interactionsPerItem[item.index()];
                }
            }
        }
        return IntStream.range(0, genreCount).filter(g -> perGenre[g] > 0).boxed()
                .sorted(Comparator.<Integer>comparingLong(g -> -perGenre[g]).thenComparing(g -> g))
                .limit(GENRE_QUERIES).toList();
    }

    private static Optional<String> andQuery(Catalog catalog, long[] interactionsPerItem,
                                                       List<Integer> genres) {
        TreeMap<Long, Long> perGenreYear = new TreeMap<>();
        for (Item item : catalog.items()) {
            long count = interactionsPerItem[item.index()];
            for (int genre : genres) {
                if (count > 0 && item.hasGenre(genre)) {
                    perGenreYear.merge(((long) genre << 32) | item.releaseYear(), count, Long::sum);
                }
            }
        }
        return perGenreYear.entrySet().stream()
                .max(Comparator.<Map.Entry<Long, Long>>comparingLong(Map.Entry::getValue)
                        .thenComparing(e -> -e.getKey()))
                .map(e -> genreTerm(catalog, (int) (e.getKey() >>> 32)) + " AND ITEMS." + TrainingConfig.RELEASE_YEAR
                        + " = \"" + (int) (long) e.getKey() + "\"");
    }

    private static String genreTerm(Catalog catalog, int genre) {
        return "ITEMS." + TrainingConfig.GENRES + " = \"" + catalog.genreNames().get(genre) + "\"";
    }

    private static List<String> itemIds(Catalog catalog, long[] interactionsPerItem) {
        int[] byCount = IntStream.range(0, catalog.size()).boxed()
                .sorted(Comparator.<Integer>comparingLong(i -> -interactionsPerItem[i]).thenComparing(i -> i))
                .mapToInt(Integer::intValue).toArray();
        Set<Integer> chosen = new LinkedHashSet<>();
        for (int rank = 0; rank < Math.min(POPULAR_ITEMS, byCount.length); rank++) {
            chosen.add(byCount[rank]);
        }
        int from = (int) (byCount.length * MIDDLE_FROM);
        int span = Math.max(1, (int) (byCount.length * MIDDLE_TO) - from);
        for (int k = 0; k < MIDDLE_ITEMS; k++) {
            chosen.add(byCount[Math.min(byCount.length - 1, from + k * span / MIDDLE_ITEMS)]);
        }
        return chosen.stream().filter(i -> interactionsPerItem[i] > 0).map(i -> catalog.item(i).id()).toList();
    }
}
