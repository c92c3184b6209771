package io.contextualtargeting.engine.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PlantedChancesTest {
    private final SyntheticWorld world = SyntheticWorld.create(GeneratorSettings.of(2_000, 300, 21).withInteractionsPerUser(30));
    private final PlantedChances chances = new PlantedChances(world);
    private final int[] allItems = IntStream.range(0, world.catalog().size()).toArray();

    @Test
    void everyChoiceOverTheWholeWindowFallsOnSomeItem() {
        Period period = world.period();
        int[] hadBeforeThePeriod = world.catalog().items().stream().filter(i -> i.creationTimestamp() <= period.start())
                .limit(7).mapToInt(Item::index).toArray();
        assertThat(hadBeforeThePeriod).hasSize(7);
        for (int u = 0; u < 40; u++) {
            UserProfile user = world.population().profile(u);
            int[] had = u % 2 == 0 ? new int[0] : hadBeforeThePeriod; // with and without repeats
            assertThat(chances.expectedChoices(u, allItems, had, period.start(), period.end()))
                    .as("user %d", u).isCloseTo(user.plannedTouches(), within(1e-6 * user.plannedTouches()));
        }
    }

    @Test
    void aUserOutsideTheirWindowChoosesNothingAndHalfTheWindowHoldsHalfTheChoices() {
        UserProfile user = world.population().profile(5);
        long middle = user.activeFrom() + (user.activeUntil() - user.activeFrom()) / 2;
        assertThat(chances.expectedChoices(5, allItems, new int[0], user.activeUntil(), user.activeUntil() + 86_400))
                .isZero();
        assertThat(chances.expectedChoices(5, allItems, new int[0], middle, world.period().end()))
                .isCloseTo(user.plannedTouches() / 2.0, within(1e-3 * user.plannedTouches()));
    }

    @Test
    void theFavouriteGenresItemsAreLikelierThanItemsOfTheLeastLikedGenre() {
        UserProfile user = world.population().profile(9);
        double[] taste = user.tasteStart();
        int least = IntStream.range(0, taste.length).filter(g -> world.catalog().offers(g))
                .reduce((a, b) -> taste[a] <= taste[b] ? a : b).orElseThrow();
        assertThat(chances.expectedChoices(9, inGenre(user.favouriteGenre()), new int[0], world.period().start(), world.period().end()))
                .isGreaterThan(chances.expectedChoices(9, inGenre(least), new int[0], world.period().start(), world.period().end()));
    }

    private int[] inGenre(int genre) {
        return world.catalog().items().stream().filter(i -> i.hasGenre(genre)).mapToInt(Item::index).toArray();
    }
}
