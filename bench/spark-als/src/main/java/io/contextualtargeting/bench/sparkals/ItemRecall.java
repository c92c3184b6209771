package io.contextualtargeting.bench.sparkals;

import java.util.Arrays;
import java.util.Map;

/**
 * Item recall as the engine's evaluation defines it (engine/eval/Evaluation.recall): per item query,
 * the known users ranked by x_u . y_i, hits = positives among the top K, recall = hits / min(positives, K),
 * averaged over the queries.
 */
final class ItemRecall {
    /** The segment shares compared: the recall@1 % and recall@10 %. */
    static final double[] SHARES = {0.01, 0.10};
    private ItemRecall() {
    }

    /** Users {@code share} of the known users make (rounded half up), at least 1: HoldOutSplit.segmentSize. */
    static int segmentSize(double share, int knownUsers) {
        return (int) Math.max(1, Math.round(share * knownUsers));
    }

    /**
     * @param known     the users that may be in a segment (those with training rows)
     * @param users     factors by user index, null for a user the model has none for (ranked last)
     * @param items     factors by item index, null for an item the model has none for (every user scores 0)
     * @param positives per query item, its positive users
     * @return the mean recall at each segment size
     */
    static double[] mean(boolean[] known, float[][] users, float[][] items, Map<Integer, int[]> positives, int[] sizes) {
        int largest = Arrays.stream(sizes).max().orElseThrow();
        double[] sum = new double[sizes.length];
        boolean[] positive = new boolean[known.length];
        for (Map.Entry<Integer, int[]> query : positives.entrySet()) {
            int[] top = top(known, users, query.getKey() < items.length ? items[query.getKey()] : null, largest);
            for (int user : query.getValue()) {
                positive[user] = true;
            }
            for (int f = 0; f < sizes.length; f++) {
                int hits = 0;
                for (int rank = 0; rank < Math.min(sizes[f], top.length); rank++) {
                    hits += positive[top[rank]] ? 1 : 0;
                }
                sum[f] += (double) hits / Math.min(query.getValue().length, sizes[f]);
            }
            for (int user : query.getValue()) {
                positive[user] = false;
            }
        }
        for (int f = 0; f < sum.length; f++) {
            sum[f] /= positives.size();
        }
        return sum;
    }

    /** The known users with the highest scores, best first (ties: lower index first). */
    private static int[] top(boolean[] known, float[][] users, float[] item, int k) {
        long[] keys = new long[known.length];
        int n = 0;
        for (int u = 0; u < known.length; u++) {
            if (known[u]) {
                float score = users[u] == null ? Float.NEGATIVE_INFINITY : item == null ? 0 : dot(users[u], item);
                // descending score, then ascending user, as one ascending long
                keys[n++] = ((long) -sortable(score) << 32) | u;
            }
        }
        keys = Arrays.copyOf(keys, n);
        Arrays.sort(keys);
        int[] top = new int[Math.min(k, n)];
        for (int rank = 0; rank < top.length; rank++) {
            top[rank] = (int) keys[rank];
        }
        return top;
    }

    /** An int ordered as the float is. */
    private static int sortable(float value) {
        int bits = Float.floatToIntBits(value);
        return bits ^ ((bits >> 31) & 0x7FFFFFFF);
    }

    private static float dot(float[] a, float[] b) {
        float sum = 0;
        for (int k = 0; k < a.length; k++) {
            sum += a[k] * b[k];
        }
        return sum;
    }
}
