package io.contextualtargeting.engine.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TopUsersTest {
    private static final float NO = Float.NEGATIVE_INFINITY;

    @Test
    void usersComeInDescendingScore() {
        assertThat(TopUsers.select(new float[] {0.1f, 0.9f, -2f, 0.5f}, 3)).containsExactly(1, 3, 0);
    }

    @Test
    void tiesGoToTheLowerUserIndex() {
        assertThat(TopUsers.select(new float[] {0.5f, 0.7f, 0.5f, 0.5f, 0.7f}, 4)).containsExactly(1, 4, 0, 2);
    }

    @Test
    void usersThatCannotBeRankedAreNeverSelected() {
        assertThat(TopUsers.select(new float[] {NO, 0.2f, NO, -5f}, 10)).containsExactly(1, 3);
    }

    @Test
    void manyEqualScoresAroundTheThresholdStillGiveExactlyN() {
        float[] scores = new float[1000];
        Arrays.fill(scores, 0f);
        scores[500] = 1f;

        assertThat(TopUsers.select(scores, 5)).containsExactly(500, 0, 1, 2, 3);
    }

    @Test
    void matchesAFullSortOnRandomScores() {
        SplittableRandom random = new SplittableRandom(5);
        float[] scores = new float[50_000];
        for (int u = 0; u < scores.length; u++) {
            scores[u] = random.nextInt(10) == 0 ? NO : (float) random.nextGaussian() * (random.nextBoolean() ? 1 : 1e-30f);
        }
        int[] expected = IntStream.range(0, scores.length).filter(u -> scores[u] != NO).boxed()
                .sorted(Comparator.<Integer>comparingDouble(u -> -scores[u]).thenComparing(u -> u))
                .limit(700).mapToInt(Integer::intValue).toArray();

        assertThat(TopUsers.select(scores, 700)).containsExactly(expected);
    }
}
