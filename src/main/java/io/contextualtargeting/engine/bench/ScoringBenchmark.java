package io.contextualtargeting.engine.bench;

import io.contextualtargeting.engine.model.FactorMatrix;
import io.contextualtargeting.engine.segment.QuantizedUserIndex;
import io.contextualtargeting.engine.segment.TopUsers;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Times one query's top users over many users on the calling thread: the machine's memory read
 * bandwidth first (the bound for a scan), then the quantised scan with exact re-ranking, then a
 * plain float scan with selection for comparison. Factors are random (item-like query vector,
 * user norms log-normal), which is what a scan costs regardless of training.
 */
public final class ScoringBenchmark {

    private ScoringBenchmark() {
    }

    public static void run(int users, int factors, double fraction, int repeat, long seed, PrintStream out) {
        out.printf("machine: %d processors, max heap %,d MB, java %s%n", Runtime.getRuntime().availableProcessors(),
                HeapPeak.maxHeapMegabytes(), System.getProperty("java.version"));
        SplittableRandom random = new SplittableRandom(seed);
        long start = System.nanoTime();
        float[][] rows = new float[users][factors];
        for (float[] row : rows) {
            float scale = (float) Math.exp(0.5 * random.nextGaussian());
            for (int f = 0; f < factors; f++) {
                row[f] = scale * (float) (random.nextDouble() * 2 - 1);
            }
        }
        FactorMatrix matrix = new FactorMatrix(rows, factors);
        boolean[] rankable = new boolean[users];
        Arrays.fill(rankable, true);
        float[] query = new float[factors];
        for (int f = 0; f < factors; f++) {
            query[f] = (float) random.nextGaussian();
        }
        out.printf("random factors: %,d users x %d in %.1f s%n", users, factors, TrainingBenchmark.seconds(start));
        out.printf("memory read bandwidth, one core: %.1f GB/s%n", MemoryBandwidth.measure(rows));
        start = System.nanoTime();
        QuantizedUserIndex index = QuantizedUserIndex.build(matrix, rankable);
        out.printf("quantised index built in %.1f s%n", TrainingBenchmark.seconds(start));
        int n = Math.max(1, (int) Math.round(users * fraction));
        int[] fast = null;
        double best = Double.MAX_VALUE;
        for (int r = 0; r < repeat; r++) {
            start = System.nanoTime();
            fast = index.top(query, null, n);
            best = Math.min(best, TrainingBenchmark.seconds(start));
        }
        out.printf("top %,d of %,d users (quantised scan + exact re-rank), one thread: best of %d %.0f ms%n",
                n, users, repeat, best * 1000);
        float[] scores = new float[users];
        int[] plain = null;
        double bestPlain = Double.MAX_VALUE;
        for (int r = 0; r < Math.min(repeat, 3); r++) {
            start = System.nanoTime();
            for (int u = 0; u < users; u++) {
                scores[u] = index.exact(u, query, null);
            }
            plain = TopUsers.select(scores, n);
            bestPlain = Math.min(bestPlain, TrainingBenchmark.seconds(start));
        }
        out.printf("same with a float scan of every user, one thread: best of %d %.0f ms; results identical: %s%n",
                Math.min(repeat, 3), bestPlain * 1000, Arrays.equals(fast, plain));
    }
}
