package io.contextualtargeting.engine.segment;

import static org.assertj.core.api.Assertions.assertThat;

import io.contextualtargeting.engine.model.FactorMatrix;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantizedUserIndexTest {

    @ParameterizedTest(name = "{0} users, {1} factors, top {2}")
    @CsvSource({"5000, 64, 50", "5000, 13, 1", "3000, 7, 2999", "2049, 32, 5000", "10000, 64, 100"})
    void quantisedScanGivesExactlyTheDenseTopN(int users, int factors, int n) {
        SplittableRandom random = new SplittableRandom(users + factors);
        FactorMatrix matrix = randomFactors(users, factors, random);
        boolean[] rankable = new boolean[users];
        for (int u = 0; u < users; u++) {
            rankable[u] = u % 17 != 0;
        }
        float[] query = new float[factors];
        for (int f = 0; f < factors; f++) {
            query[f] = (float) random.nextGaussian();
        }
        QuantizedUserIndex index = QuantizedUserIndex.build(matrix, rankable);

        assertThat(index.top(query, null, n)).containsExactly(dense(index, query, null, n));
    }

    @ParameterizedTest(name = "top {0}")
    @CsvSource({"1", "100", "2500"})
    void nearlyIdenticalUsersAreStillOrderedExactly(int n) {
        SplittableRandom random = new SplittableRandom(n);
        float[] base = new float[64];
        for (int f = 0; f < 64; f++) {
            base[f] = (float) random.nextGaussian();
        }
        float[][] rows = new float[5000][64];
        for (float[] row : rows) {
            for (int f = 0; f < 64; f++) {
                row[f] = base[f] + (float) (random.nextGaussian() * 1e-3);
            }
        }
        boolean[] rankable = new boolean[rows.length];
        Arrays.fill(rankable, true);
        QuantizedUserIndex index = QuantizedUserIndex.build(new FactorMatrix(rows, 64), rankable);

        assertThat(index.top(base, null, n)).containsExactly(dense(index, base, null, n));
    }

    @ParameterizedTest(name = "high scores in sampled blocks: {0}")
    @CsvSource({"true", "false"})
    void userOrderThatMisleadsTheSampledThresholdStillGivesTheExactTopN(boolean highInSampledBlocks) {
        int users = 40 * QuantizedUserIndex.BLOCK;
        SplittableRandom random = new SplittableRandom(3);
        float[][] rows = new float[users][8];
        for (int u = 0; u < users; u++) {
            boolean sampled = (u / QuantizedUserIndex.BLOCK) % QuantizedUserIndex.SAMPLE_EVERY == 0;
            float level = sampled == highInSampledBlocks ? 10f : 1f;
            for (int f = 0; f < 8; f++) {
                rows[u][f] = level + (float) random.nextGaussian();
            }
        }
        boolean[] rankable = new boolean[users];
        Arrays.fill(rankable, true);
        float[] query = {1, 1, 1, 1, 1, 1, 1, 1};
        QuantizedUserIndex index = QuantizedUserIndex.build(new FactorMatrix(rows, 8), rankable);

        assertThat(index.top(query, null, 1000)).containsExactly(dense(index, query, null, 1000));
    }

    @ParameterizedTest(name = "top {0}")
    @CsvSource({"10", "300"})
    void additiveHistoryTermIsPartOfTheExactScore(int n) {
        SplittableRandom random = new SplittableRandom(9);
        int users = 4000;
        FactorMatrix matrix = randomFactors(users, 32, random);
        boolean[] rankable = new boolean[users];
        Arrays.fill(rankable, true);
        float[] query = new float[32];
        Arrays.fill(query, 0.3f);
        float[] extra = new float[users];
        for (int u = 0; u < users; u += 7) {
            extra[u] = (float) Math.log1p(random.nextInt(5));
        }
        QuantizedUserIndex index = QuantizedUserIndex.build(matrix, rankable);

        assertThat(index.top(query, extra, n)).containsExactly(dense(index, query, extra, n));
    }

    @ParameterizedTest(name = "top {0}")
    @CsvSource({"1", "500", "3000"})
    void extremeLevelsInEveryFactorStayExact(int n) {
        // every factor at the largest level of users (127) and query (128): the packed products' sums are largest here
        SplittableRandom random = new SplittableRandom(n);
        float[][] rows = new float[4100][64];
        for (float[] row : rows) {
            float scale = 1 + random.nextInt(3);
            for (int f = 0; f < 64; f++) {
                row[f] = random.nextInt(8) == 0 ? scale : -scale;
            }
        }
        float[] query = new float[64];
        for (int f = 0; f < 64; f++) {
            query[f] = random.nextBoolean() ? 2.5f : -2.5f;
        }
        boolean[] rankable = new boolean[rows.length];
        Arrays.fill(rankable, true);
        QuantizedUserIndex index = QuantizedUserIndex.build(new FactorMatrix(rows, 64), rankable);

        assertThat(index.top(query, null, n)).containsExactly(dense(index, query, null, n));
        assertThat(index.top(negated(query), null, n)).containsExactly(dense(index, negated(query), null, n));
    }

    @ParameterizedTest(name = "top {0}")
    @CsvSource({"1", "40"})
    void identicalUsersTieToTheLowerIndex(int n) {
        float[][] rows = new float[100][];
        for (int u = 0; u < rows.length; u++) {
            rows[u] = new float[] {u % 2 == 0 ? 1f : 0.5f, 0.25f, -0.125f};
        }
        boolean[] rankable = new boolean[100];
        Arrays.fill(rankable, true);
        QuantizedUserIndex index = QuantizedUserIndex.build(new FactorMatrix(rows, 3), rankable);

        int[] top = index.top(new float[] {1f, 1f, 1f}, null, n);

        assertThat(top).containsExactly(java.util.stream.IntStream.range(0, n).map(i -> 2 * i).toArray());
    }

    private static float[] negated(float[] query) {
        float[] negated = new float[query.length];
        for (int f = 0; f < query.length; f++) {
            negated[f] = -query[f];
        }
        return negated;
    }

    private static int[] dense(QuantizedUserIndex index, float[] query, float[] extra, int n) {
        float[] scores = new float[index.userCount()];
        for (int u = 0; u < scores.length; u++) {
            scores[u] = index.isRankable(u) ? index.exact(u, query, extra) : Float.NEGATIVE_INFINITY;
        }
        return TopUsers.select(scores, n);
    }

    private static FactorMatrix randomFactors(int users, int factors, SplittableRandom random) {
        float[][] rows = new float[users][factors];
        for (float[] row : rows) {
            double scale = Math.exp(random.nextGaussian());
            for (int f = 0; f < factors; f++) {
                row[f] = (float) (random.nextGaussian() * scale);
            }
        }
        return new FactorMatrix(rows, factors);
    }
}
