package io.contextualtargeting.engine.generate;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PopulationTest {
    private final SyntheticWorld world = SyntheticWorld.create(GeneratorSettings.of(5_000, 400, 13).withInteractionsPerUser(30));

    @Test
    void aProfileIsTheSameWhicheverUsersWereMadeBefore() {
        UserProfile direct = world.population().profile(4_321);
        world.population().profile(7);
        UserProfile again = SyntheticWorld.create(world.settings()).population().profile(4_321);
        assertThat(again.email()).isEqualTo(direct.email());
        assertThat(again.tasteStart()).containsExactly(direct.tasteStart());
        assertThat(again.plannedTouches()).isEqualTo(direct.plannedTouches());
    }

    @Test
    void tastesAreDistributionsThatMoveFromStartToEnd() {
        UserProfile user = world.population().profile(12);
        assertThat(Arrays.stream(user.tasteStart()).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(Arrays.stream(user.tasteEnd()).sum()).isCloseTo(1.0, within(1e-9));
        int genre = user.favouriteGenre();
        assertThat(user.taste(genre, user.activeFrom())).isCloseTo(user.tasteStart()[genre], within(1e-12));
        assertThat(user.taste(genre, user.activeUntil())).isCloseTo(user.tasteEnd()[genre], within(1e-12));
    }

    @Test
    void activeWindowsLieInsideThePeriod() {
        Period period = world.period();
        IntStream.range(0, 500).mapToObj(world.population()::profile).forEach(user -> {
            assertThat(user.activeFrom()).isGreaterThanOrEqualTo(period.start());
            assertThat(user.activeUntil()).isLessThanOrEqualTo(period.end()).isGreaterThan(user.activeFrom());
        });
    }

    @Test
    void plannedActivityAveragesTheRequestedInteractionsPerUser() {
        double mean = IntStream.range(0, 5_000).map(i -> world.population().profile(i).plannedTouches()).average().orElseThrow();
        assertThat(mean).isCloseTo(30, within(2.5));
    }
}
