package io.contextualtargeting.engine.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ValidationRankingTest {

    @Test
    void distinctScoresGiveTheHitsOfTheTopUsers() {
        ValidationRanking ranking = ranking(5f, 1f, 4f, 2f, 3f, 0f);
        // users 0, 2, 4 are the top three; positives 2 and 3
        double[] recalls = ranking.recalls(new int[] {2, 3}, new int[] {3, 1});
        assertThat(recalls[0]).isEqualTo(0.5); // one of two positives in the top 3
        assertThat(recalls[1]).isEqualTo(0.0); // user 0 alone is the top 1
    }

    @Test
    void usersTiedAtTheLastPlaceCountInProportion() {
        ValidationRanking ranking = ranking(9f, 1f, 1f, 1f, 1f, 0f);
        // the top 3 holds user 0 and two of the four users tied at 1: a positive among them is in with chance 1/2
        double[] recalls = ranking.recalls(new int[] {1, 5}, new int[] {3, 2});
        assertThat(recalls[0]).isEqualTo(0.5 / 2);
        assertThat(recalls[1]).isEqualTo(0.25 / 2);
    }

    @Test
    void recallsMatchAFullSortAtEverySizeWithManyTies() {
        SplittableRandom random = new SplittableRandom(7);
        int users = 2_000;
        float[] scores = new float[users];
        for (int u = 0; u < users; u++) {
            scores[u] = random.nextInt(50) / 10f; // 50 distinct values: ties at every threshold
        }
        int[] positives = IntStream.range(0, users).filter(u -> random.nextInt(20) == 0).toArray();
        int[] sizes = {400, 200, 100, 40, 20, 10};
        ValidationRanking ranking = ranking(scores);
        double[] recalls = ranking.recalls(positives, sizes);
        for (int j = 0; j < sizes.length; j++) {
            assertThat(recalls[j]).as("size %d", sizes[j]).isCloseTo(sortedRecall(scores, positives, sizes[j]), within(1e-12));
        }
        assertThat(ranking.scores()).containsExactly(scores); // scoring again starts from the same scores
    }

    @Test
    void aSampleThatMisplacesTheBoundStillGivesTheExactRecalls() {
        int users = 2_048;
        float[] scores = new float[users];
        for (int u = 0; u < users; u++) {
            // the sampled users (every 8th) hold the highest scores, so the bound lands far too high
            scores[u] = u % 8 == 0 ? 1_000 + u : u % 97;
        }
        int[] positives = IntStream.range(0, users).filter(u -> u % 5 == 0).toArray();
        int[] sizes = {600, 300, 20};
        double[] recalls = ranking(scores).recalls(positives, sizes);
        for (int j = 0; j < sizes.length; j++) {
            assertThat(recalls[j]).as("size %d", sizes[j]).isCloseTo(sortedRecall(scores, positives, sizes[j]), within(1e-12));
        }
    }

    /** The definition: sort, take the users above the k-th score, and a share of those tied with it. */
    private static double sortedRecall(float[] scores, int[] positives, int k) {
        float[] sorted = scores.clone();
        Arrays.sort(sorted);
        float threshold = sorted[sorted.length - k];
        long above = IntStream.range(0, scores.length).filter(u -> scores[u] > threshold).count();
        long tied = IntStream.range(0, scores.length).filter(u -> scores[u] == threshold).count();
        double hits = Arrays.stream(positives).filter(u -> scores[u] > threshold).count()
                + (double) Arrays.stream(positives).filter(u -> scores[u] == threshold).count() * (k - above) / tied;
        return hits / Math.min(positives.length, k);
    }

    private static ValidationRanking ranking(float... scores) {
        ValidationRanking ranking = new ValidationRanking(scores.length);
        System.arraycopy(scores, 0, ranking.scores(), 0, scores.length);
        return ranking;
    }
}
