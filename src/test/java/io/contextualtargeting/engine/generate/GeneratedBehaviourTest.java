package io.contextualtargeting.engine.generate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.contextualtargeting.engine.generate.GeneratedDataset.EVENT_TYPE;
import static io.contextualtargeting.engine.generate.GeneratedDataset.EVENT_VALUE;
import static io.contextualtargeting.engine.generate.GeneratedDataset.ITEM_ID;
import static io.contextualtargeting.engine.generate.GeneratedDataset.USER_ID;
import static org.assertj.core.api.Assertions.assertThat;

/** The statistical properties that make the synthetic data meaningful, measured on the written files. */
class GeneratedBehaviourTest {
    @TempDir
    static Path folder;
    private static GeneratedDataset dataset;
    /** Each user's rows, in file order (which is time order). */
    private static Map<String, List<String[]>> byUser;

    @BeforeAll
    static void generate() throws IOException {
        dataset = GeneratedDataset.generate(GeneratorSettings.of(2000, 600, 21).withInteractionsPerUser(40), folder);
        byUser = new LinkedHashMap<>();
        for (String[] row : dataset.interactions()) {
            byUser.computeIfAbsent(row[USER_ID], id -> new ArrayList<>()).add(row);
        }
    }

    @Test
    void popularityIsSkewedTowardsFewItems() {
        Map<String, Integer> perItem = new HashMap<>();
        dataset.interactions().forEach(row -> perItem.merge(row[ITEM_ID], 1, Integer::sum));
        List<Integer> counts = perItem.values().stream().sorted((a, b) -> b - a).toList();
        long top = counts.subList(0, 600 / 10).stream().mapToLong(Integer::longValue).sum();
        assertThat((double) top / dataset.interactions().size()).isGreaterThan(0.3);
    }

    @Test
    void activityIsSkewedAcrossUsers() {
        List<Integer> sizes = byUser.values().stream().map(List::size).sorted().toList();
        int median = sizes.get(sizes.size() / 2);
        assertThat(sizes.get(sizes.size() - 1)).isGreaterThan(5 * median);
        assertThat(median).isLessThan(40);
    }

    @Test
    void usersConcentrateOnTheirPlantedFavouriteGenre() {
        Map<String, Long> perGenre = new HashMap<>();
        dataset.interactions().forEach(row -> dataset.genresOf(row[ITEM_ID]).forEach(g -> perGenre.merge(g, 1L, Long::sum)));
        double observed = 0;
        double chance = 0;
        for (Map.Entry<String, List<String[]>> user : byUser.entrySet()) {
            UserProfile profile = dataset.world().population().profile(Integer.parseInt(user.getKey()) - 1);
            String favourite = dataset.world().catalog().genreNames().get(profile.favouriteGenre());
            observed += user.getValue().stream().filter(row -> dataset.genresOf(row[ITEM_ID]).contains(favourite)).count();
            chance += user.getValue().size() * (double) perGenre.get(favourite) / dataset.interactions().size();
        }
        assertThat(observed).isGreaterThan(1.5 * chance);
    }

    @Test
    void tasteDriftsBetweenTheFirstAndLastFifthOfAUsersHistory() {
        double firstToLast = 0;
        double firstToNext = 0;
        int users = 0;
        for (List<String[]> rows : byUser.values()) {
            int fifth = rows.size() / 5;
            if (fifth < 10) {
                continue;
            }
            Map<String, Double> first = genreMix(rows.subList(0, fifth));
            firstToLast += distance(first, genreMix(rows.subList(rows.size() - fifth, rows.size())));
            // Same window size right after the first: what sampling noise alone gives.
            firstToNext += distance(first, genreMix(rows.subList(fifth, 2 * fifth)));
            users++;
        }
        assertThat(users).isGreaterThan(200);
        assertThat(firstToLast / users).isGreaterThan(firstToNext / users + 0.025);
    }

    @Test
    void repeatsAreRareButPresent() {
        Set<String> pairs = new HashSet<>();
        long repeats = dataset.interactions().stream().filter(row -> !pairs.add(row[USER_ID] + "/" + row[ITEM_ID])).count();
        double share = (double) repeats / dataset.interactions().size();
        assertThat(share).isBetween(0.005, 0.05);
    }

    @Test
    void watchesCarryTheFractionWatchedAndClicksNone() {
        assertThat(dataset.interactions()).allSatisfy(row -> {
            double value = Double.parseDouble(row[EVENT_VALUE]);
            if (row[EVENT_TYPE].equals("click")) {
                assertThat(value).isZero();
            } else {
                assertThat(row[EVENT_TYPE]).isEqualTo("watch");
                assertThat(value).isGreaterThan(0).isLessThanOrEqualTo(1);
            }
        });
        long clicks = dataset.interactions().stream().filter(row -> row[EVENT_TYPE].equals("click")).count();
        assertThat((double) clicks / dataset.interactions().size()).isBetween(0.1, 0.5);
    }

    @Test
    void itemsHaveOneToThreeGenres() {
        assertThat(dataset.itemsById().keySet()).allSatisfy(id -> assertThat(dataset.genresOf(id)).hasSizeBetween(1, 3));
        assertThat(dataset.itemsById().keySet().stream().filter(id -> dataset.genresOf(id).size() == 3)).isNotEmpty();
    }

    private static Map<String, Double> genreMix(List<String[]> rows) {
        Map<String, Double> mix = new HashMap<>();
        for (String[] row : rows) {
            List<String> genres = dataset.genresOf(row[ITEM_ID]);
            genres.forEach(g -> mix.merge(g, 1.0 / genres.size() / rows.size(), Double::sum));
        }
        return mix;
    }

    /** Total variation distance between two genre mixes. */
    private static double distance(Map<String, Double> a, Map<String, Double> b) {
        Set<String> genres = new HashSet<>(a.keySet());
        genres.addAll(b.keySet());
        return genres.stream().mapToDouble(g -> Math.abs(a.getOrDefault(g, 0.0) - b.getOrDefault(g, 0.0))).sum() / 2;
    }
}
