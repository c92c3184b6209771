package io.contextualtargeting.engine.segment;

import io.contextualtargeting.formats.data.TrainingData;
import java.util.Arrays;

/**
 * Users' past interactions with each row's weight fading by a half-life, kept on a log scale so
 * that no history, however old, underflows to zero: each user's activity (the log of their faded
 * weight, ages counted back from the newest interaction of the data) and, per item, each user's
 * share of their own faded weight (which no common factor changes).
 */
final class DecayedHistory {
    private static final double SECONDS_PER_DAY = 86_400;

    private final double[] logActivity;
    /** Rows grouped by item (repeated rows of a pair stay apart): the user and their share of their faded weight. */
    private final int[] itemStart;
    private final int[] user;
    private final float[] share;

    private DecayedHistory(double[] logActivity, int[] itemStart, int[] user, float[] share) {
        this.logActivity = logActivity;
        this.itemStart = itemStart;
        this.user = user;
        this.share = share;
    }

    /**
     * @param baseWeights  each row's weight before fading (0 leaves the row out)
     * @param halfLifeDays 0 for no fading
     */
    static DecayedHistory of(TrainingData data, float[] baseWeights, double halfLifeDays) {
        int n = data.interactionCount();
        double[] logWeight = new double[n];
        double[] newestLogWeight = new double[data.userCount()];
        Arrays.fill(newestLogWeight, Double.NEGATIVE_INFINITY);
        long newest = newest(data);
        double decayPerSecond = halfLifeDays > 0 ? Math.log(2) / (halfLifeDays * SECONDS_PER_DAY) : 0;
        int[] itemStart = new int[data.itemCount() + 1];
        for (int i = 0; i < n; i++) {
            logWeight[i] = Math.log(baseWeights[i]) - decayPerSecond * (newest - data.timestamp(i));
            newestLogWeight[data.user(i)] = Math.max(newestLogWeight[data.user(i)], logWeight[i]);
            if (baseWeights[i] > 0) {
                itemStart[data.item(i) + 1]++;
            }
        }
        double[] total = new double[data.userCount()];
        for (int i = 0; i < n; i++) {
            if (baseWeights[i] > 0) {
                total[data.user(i)] += Math.exp(logWeight[i] - newestLogWeight[data.user(i)]);
            }
        }
        double[] logActivity = new double[data.userCount()];
        for (int u = 0; u < logActivity.length; u++) {
            logActivity[u] = total[u] > 0 ? newestLogWeight[u] + Math.log(total[u]) : Double.NEGATIVE_INFINITY;
        }
        for (int item = 0; item < data.itemCount(); item++) {
            itemStart[item + 1] += itemStart[item];
        }
        int[] fill = Arrays.copyOf(itemStart, data.itemCount());
        int[] users = new int[itemStart[data.itemCount()]];
        float[] shares = new float[users.length];
        for (int i = 0; i < n; i++) {
            if (baseWeights[i] > 0) {
                int u = data.user(i);
                int slot = fill[data.item(i)]++;
                users[slot] = u;
                shares[slot] = (float) (Math.exp(logWeight[i] - newestLogWeight[u]) / total[u]);
            }
        }
        return new DecayedHistory(logActivity, itemStart, users, shares);
    }

    static long newest(TrainingData data) {
        long newest = Long.MIN_VALUE;
        for (int i = 0; i < data.interactionCount(); i++) {
            newest = Math.max(newest, data.timestamp(i));
        }
        return newest;
    }

    /** Each user's activity: the log of their faded weight. */
    UserActivity activity() {
        return new UserActivity(logActivity);
    }

    /** Each user's share of their faded weight on {@code items}, for users that have one (others are absent). */
    void forEachShare(int[] items, ShareConsumer consumer) {
        for (int item : items) {
            for (int e = itemStart[item]; e < itemStart[item + 1]; e++) {
                consumer.accept(user[e], share[e]);
            }
        }
    }

    interface ShareConsumer {
        void accept(int user, float share);
    }
}
