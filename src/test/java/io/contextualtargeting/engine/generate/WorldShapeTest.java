package io.contextualtargeting.engine.generate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.contextualtargeting.engine.generate.GeneratedDataset.EVENT_TYPE;
import static io.contextualtargeting.engine.generate.GeneratedDataset.EVENT_VALUE;
import static io.contextualtargeting.engine.generate.GeneratedDataset.GENRES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorldShapeTest {
    private static final GeneratorSettings SMALL = GeneratorSettings.of(300, 200, 5).withInteractionsPerUser(20)
            .withThreads(2);

    @TempDir
    Path folder;

    private GeneratedDataset generate(WorldShape shape) throws IOException {
        return GeneratedDataset.generate(SMALL.withShape(shape), folder);
    }

    @Test
    void withoutDriftTheTasteAtTheEndIsTheTasteAtTheStart() {
        Population population = SyntheticWorld.create(SMALL.withShape(WorldShape.defaults().withDrift(0))).population();
        IntStream.range(0, 50).mapToObj(population::profile)
                .forEach(user -> assertThat(user.tasteEnd()).containsExactly(user.tasteStart()));
        UserProfile drifting = SyntheticWorld.create(SMALL).population().profile(3);
        assertThat(drifting.tasteEnd()).isNotEqualTo(drifting.tasteStart());
    }

    @Test
    void halfTheDriftKeepsTheSameUsersAndFirstTastes() {
        Population half = SyntheticWorld.create(SMALL.withShape(WorldShape.defaults().withDrift(0.5))).population();
        UserProfile full = SyntheticWorld.create(SMALL).population().profile(9);
        UserProfile halved = half.profile(9);
        assertThat(halved.tasteStart()).containsExactly(full.tasteStart());
        assertThat(distance(halved)).isLessThan(distance(full));
    }

    private static double distance(UserProfile user) {
        return IntStream.range(0, user.tasteStart().length)
                .mapToDouble(g -> Math.abs(user.tasteStart()[g] - user.tasteEnd()[g])).sum();
    }

    @Test
    void ratingsAreOneToFiveStarsAndLowerForItemsOutsideTheTaste() throws IOException {
        GeneratedDataset dataset = generate(WorldShape.defaults().withEvents(WorldShape.EventStyle.RATING));
        assertThat(dataset.interactions()).extracting(row -> row[EVENT_TYPE]).containsOnly("rating");
        Map<String, Long> stars = dataset.interactions().stream()
                .collect(Collectors.groupingBy(row -> row[EVENT_VALUE], Collectors.counting()));
        assertThat(stars.keySet()).containsExactlyInAnyOrder("1.00", "2.00", "3.00", "4.00", "5.00");
        assertThat(stars.get("4.00") + stars.get("5.00")).isGreaterThan(stars.get("1.00") + stars.get("2.00"));
    }

    @Test
    void aShopViewsMostlyAndBuysSomeOfWhatItViewsAtAFixedPrice() throws IOException {
        GeneratedDataset dataset = generate(WorldShape.defaults().withEvents(WorldShape.EventStyle.SHOP));
        Map<String, Long> types = dataset.interactions().stream()
                .collect(Collectors.groupingBy(row -> row[EVENT_TYPE], Collectors.counting()));
        assertThat(types.keySet()).containsExactlyInAnyOrder("view", "purchase");
        assertThat(types.get("purchase")).isBetween(types.get("view") / 50, types.get("view") / 3);
        Map<String, Set<String>> pricesByItem = dataset.interactions().stream().collect(Collectors.groupingBy(
                row -> row[GeneratedDataset.ITEM_ID], Collectors.mapping(row -> row[EVENT_VALUE], Collectors.toSet())));
        assertThat(pricesByItem.values()).allSatisfy(prices -> assertThat(prices).hasSize(1));
        assertThat(pricesByItem.values().stream().flatMap(Set::stream).mapToDouble(Double::parseDouble))
                .allSatisfy(price -> assertThat(price).isBetween(1.99, 199.99));
    }

    @Test
    void manyGenresAreNamedAfterTheSeventeenAndFewKeepTheFirst() throws IOException {
        Set<String> many = genresOf(generate(WorldShape.defaults().withGenres(60)));
        assertThat(many).contains("Drama", "Genre 18").hasSizeGreaterThan(40);
        assertThat(many).allSatisfy(name -> assertThat(name).isIn(new Genres(60).names()));
        assertThat(genresOf(generate(WorldShape.defaults().withGenres(5))))
                .containsExactlyInAnyOrder("Action", "Adventure", "Animation", "Children", "Comedy");
    }

    private static Set<String> genresOf(GeneratedDataset dataset) {
        return dataset.itemsById().values().stream().flatMap(item -> Arrays.stream(item[GENRES].split("\\|")))
                .collect(Collectors.toSet());
    }

    @Test
    void heavierPopularitySkewConcentratesInteractionsOnTheTopItems() throws IOException {
        // A catalog large enough that the top items are not every user's already (nobody watches an item twice).
        GeneratorSettings wide = GeneratorSettings.of(300, 4_000, 5).withInteractionsPerUser(10).withThreads(2);
        double usual = topItemsShare(GeneratedDataset.generate(wide, folder));
        double heavy = topItemsShare(GeneratedDataset.generate(wide.withShape(WorldShape.defaults().withPopularitySkew(1.5)),
                folder));
        assertThat(heavy).isGreaterThan(usual + 0.1);
    }

    private static double topItemsShare(GeneratedDataset dataset) {
        Map<String, Long> counts = dataset.interactions().stream()
                .collect(Collectors.groupingBy(row -> row[GeneratedDataset.ITEM_ID], Collectors.counting()));
        long top = counts.values().stream().sorted((a, b) -> Long.compare(b, a)).limit(20).mapToLong(Long::longValue).sum();
        return (double) top / dataset.interactions().size();
    }

    @Test
    void shortWindowsKeepEachUsersActivityInAShortSpanOfThePeriod() {
        SyntheticWorld world = SyntheticWorld.create(SMALL.withShape(WorldShape.defaults().withActiveWindow(0.01, 0.02)));
        IntStream.range(0, 100).mapToObj(world.population()::profile).forEach(user ->
                assertThat(user.activeUntil() - user.activeFrom()).isLessThanOrEqualTo(world.period().length() / 50));
    }

    @Test
    void aSmallerActivitySpreadNarrowsTheHeaviestUsers() {
        Function<Double, Integer> heaviest = sigma -> {
            Population population = SyntheticWorld.create(SMALL.withShape(WorldShape.defaults().withActivitySpread(sigma)))
                    .population();
            return IntStream.range(0, 300).map(i -> population.profile(i).plannedTouches()).max().orElseThrow();
        };
        assertThat(heaviest.apply(0.3)).isLessThan(heaviest.apply(1.0));
    }

    @Test
    void aShapedDatasetIsTheSameBytesWhateverTheThreadCount() throws IOException {
        GeneratorSettings shaped = SMALL.withShape(WorldShape.defaults().withEvents(WorldShape.EventStyle.SHOP)
                .withGenres(40).withDrift(0.3).withActiveWindow(0.01, 0.2).withPopularitySkew(1.4).withActivitySpread(0.6));
        DatasetLayout one = new DatasetGenerator().generate(shaped.withThreads(1), folder.resolve("one")).layout();
        DatasetLayout two = new DatasetGenerator().generate(shaped.withThreads(2), folder.resolve("two")).layout();
        for (Path file : List.of(one.interactions(), one.items(), one.users())) {
            Path other = folder.resolve("two").resolve(folder.resolve("one").relativize(file));
            assertThat(Files.mismatch(file, other)).as(file.toString()).isEqualTo(-1L);
        }
        assertThat(two.interactions()).isRegularFile();
    }

    @Test
    void outOfRangeKnobsNameTheirOption() {
        assertThatThrownBy(() -> WorldShape.defaults().withDrift(1.5)).hasMessageContaining("drift");
        assertThatThrownBy(() -> WorldShape.defaults().withGenres(61)).hasMessageContaining("genres");
        assertThatThrownBy(() -> WorldShape.defaults().withActiveWindow(0.5, 0.2)).hasMessageContaining("active-window");
        assertThatThrownBy(() -> WorldShape.EventStyle.ofCliName("clicks")).hasMessageContaining("watch, rating or shop");
    }
}
