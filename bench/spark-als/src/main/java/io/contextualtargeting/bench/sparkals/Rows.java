package io.contextualtargeting.bench.sparkals;

import java.util.Arrays;
import java.util.function.IntPredicate;

/** Training rows as train.csv holds them: user and item indices, timestamp, the engine's weight. */
record Rows(int[] users, int[] items, long[] timestamps, float[] weights) {

    int size() {
        return users.length;
    }

    /** The rows the filter accepts, in order. */
    Rows select(IntPredicate filter) {
        int[] kept = java.util.stream.IntStream.range(0, size()).filter(filter).toArray();
        int[] u = new int[kept.length];
        int[] i = new int[kept.length];
        long[] t = new long[kept.length];
        float[] w = new float[kept.length];
        for (int r = 0; r < kept.length; r++) {
            u[r] = users[kept[r]];
            i[r] = items[kept[r]];
            t[r] = timestamps[kept[r]];
            w[r] = weights[kept[r]];
        }
        return new Rows(u, i, t, w);
    }

    /** Whether each user index has a row: the known users, who alone can be in a segment. */
    boolean[] knownUsers(int userCount) {
        boolean[] known = new boolean[userCount];
        for (int user : users) {
            known[user] = true;
        }
        return known;
    }

    /** One more than the highest user index. */
    int userCount() {
        return Arrays.stream(users).max().orElse(-1) + 1;
    }

    int itemCount() {
        return Arrays.stream(items).max().orElse(-1) + 1;
    }
}
