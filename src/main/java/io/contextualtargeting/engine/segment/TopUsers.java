package io.contextualtargeting.engine.segment;

import java.util.Arrays;

/**
 * Exact top-N selection over per-user scores, in descending score with ties to the lower user
 * index; users scored {@link Float#NEGATIVE_INFINITY} are never selected. A radix pass over the
 * scores' top 16 bits finds the threshold, so only users near the top are ever sorted.
 */
public final class TopUsers {
    private static final int BUCKETS = 1 << 16;

    private TopUsers() {
    }

    /** The best {@code n} users of {@code scores} (fewer when fewer users can be ranked). */
    public static int[] select(float[] scores, int n) {
        float threshold = nthLargest(scores, n);
        int count = 0;
        for (float score : scores) {
            if (score >= threshold && score != Float.NEGATIVE_INFINITY) {
                count++;
            }
        }
        int[] candidates = new int[count];
        float[] candidateScores = new float[count];
        int c = 0;
        for (int u = 0; u < scores.length; u++) {
            if (scores[u] >= threshold && scores[u] != Float.NEGATIVE_INFINITY) {
                candidateScores[c] = scores[u];
                candidates[c++] = u;
            }
        }
        return best(candidates, candidateScores, n);
    }

    /** The {@code n} best of {@code candidates} (user indices) whose scores are {@code candidateScores}, ordered. */
    static int[] best(int[] candidates, float[] candidateScores, int n) {
        long[] keys = new long[candidates.length];
        for (int i = 0; i < candidates.length; i++) {
            keys[i] = orderKey(candidateScores[i], candidates[i]);
        }
        Arrays.sort(keys);
        int[] result = new int[Math.min(n, keys.length)];
        for (int i = 0; i < result.length; i++) {
            result[i] = (int) keys[i];
        }
        return result;
    }

    /** Sorting these keys ascending orders by score descending, then user index ascending. */
    static long orderKey(float score, int user) {
        return ((long) ~sortable(score) << 32) | (user & 0xFFFFFFFFL);
    }

    /**
     * The {@code n}-th largest value other than negative infinity, or negative infinity when there
     * are at most {@code n} such values (then every rankable user qualifies).
     */
    static float nthLargest(float[] values, int n) {
        if (n <= 0) {
            return Float.POSITIVE_INFINITY;
        }
        int[] histogram = new int[BUCKETS];
        int finite = 0;
        for (float v : values) {
            if (v != Float.NEGATIVE_INFINITY) {
                histogram[bucket(v)]++;
                finite++;
            }
        }
        if (finite <= n) {
            return Float.NEGATIVE_INFINITY;
        }
        int remaining = n;
        int b = BUCKETS - 1;
        while (histogram[b] < remaining) {
            remaining -= histogram[b--];
        }
        float[] inBucket = new float[histogram[b]];
        int size = 0;
        for (float v : values) {
            if (v != Float.NEGATIVE_INFINITY && bucket(v) == b) {
                inBucket[size++] = v;
            }
        }
        Arrays.sort(inBucket);
        return inBucket[inBucket.length - remaining];
    }

    /** Maps a float to an int that orders the same way (for non-NaN values). */
    static int sortable(float value) {
        int bits = Float.floatToIntBits(value);
        return bits ^ ((bits >> 31) & 0x7FFFFFFF);
    }

    private static int bucket(float value) {
        return (sortable(value) >>> 16) ^ 0x8000;
    }
}
