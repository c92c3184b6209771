package io.contextualtargeting.engine.segment;

import io.contextualtargeting.formats.data.TrainingData;
import java.util.Arrays;

/**
 * How many interactions each user is expected to have next, from their own pace and how long they
 * have been silent, as customer-base models ("buy till you die", Pareto/NBD) reckon it: while a user
 * stays, they interact at their own rate; any user may leave at a rate common to all. A user whose
 * silence is long for their pace has likely left; one who is new and quick has likely not. A count
 * faded by one half-life treats a month of silence the same for a daily and a yearly user; this does
 * not. One of the features {@link LearntActivity} learns from (alone, as a candidate of the selection,
 * it assumed the generator's own users: docs/benchmarks.md, "Activity from each user's pace"), and
 * what it falls back to where too few users are there to learn from.
 *
 * <p>With n rows (of positive weight) between a user's first and last interaction, span s apart, and
 * a silence of t since the last (up to the newest interaction of the data): the user's rate is
 * {@code n / (s + g)}, g the mean gap between the interactions of users who have two or more (a prior
 * of one gap, so that one interaction is no infinite rate); users leave at {@code 1 / (mean span + g)};
 * the chance that a user at rate r is still there after silence t is
 * {@code 1 / (1 + leave / (r + leave) * (e^((r + leave) t) - 1))}; activity is the rate times that chance.
 */
final class PaceActivity {
    private static final double SECONDS_PER_DAY = 86_400;

    private PaceActivity() {
    }

    /** Each user's count of rows of positive weight, and the first and last of their timestamps. */
    record Spans(int[] rows, long[] first, long[] last) {
        /** @param weights each row's weight (0 leaves the row out) */
        static Spans of(TrainingData data, float[] weights) {
            int users = data.userCount();
            long[] first = new long[users];
            long[] last = new long[users];
            int[] rows = new int[users];
            Arrays.fill(first, Long.MAX_VALUE);
            Arrays.fill(last, Long.MIN_VALUE);
            for (int i = 0; i < data.interactionCount(); i++) {
                if (weights[i] > 0) {
                    int u = data.user(i);
                    rows[u]++;
                    first[u] = Math.min(first[u], data.timestamp(i));
                    last[u] = Math.max(last[u], data.timestamp(i));
                }
            }
            return new Spans(rows, first, last);
        }
    }

    /** @param weights each row's weight (0 leaves the row out) */
    static UserActivity of(TrainingData data, float[] weights) {
        return of(data, Spans.of(data, weights));
    }

    static UserActivity of(TrainingData data, Spans spansOfUsers) {
        int users = data.userCount();
        int[] rows = spansOfUsers.rows();
        long[] first = spansOfUsers.first();
        long[] last = spansOfUsers.last();
        double spans = 0;
        double gaps = 0;
        int repeated = 0;
        for (int u = 0; u < users; u++) {
            if (rows[u] > 1) {
                spans += last[u] - first[u];
                gaps += (double) (last[u] - first[u]) / (rows[u] - 1);
                repeated++;
            }
        }
        // one day each where no user came twice: the data says nothing of paces then
        double gap = repeated > 0 ? Math.max(1, gaps / repeated) : SECONDS_PER_DAY;
        double leaving = 1 / ((repeated > 0 ? spans / repeated : 0) + gap);
        long newest = DecayedHistory.newest(data);
        double[] logActivity = new double[users];
        for (int u = 0; u < users; u++) {
            logActivity[u] = rows[u] == 0 ? Double.NEGATIVE_INFINITY
                    : logExpected(rows[u] / (last[u] - first[u] + gap), leaving, newest - last[u]);
        }
        return new UserActivity(logActivity);
    }

    /** The log of rate x the chance of still being there after {@code silence} seconds. */
    static double logExpected(double rate, double leaving, double silence) {
        double x = (rate + leaving) * silence;
        double c = leaving / (rate + leaving);
        // log(1 + c (e^x - 1)) is log(c) + x once e^x dwarfs 1/c: no overflow for long silences
        double logGone = x > 40 ? Math.log(c) + x + Math.log1p((1 - c) * Math.exp(-x) / c)
                : Math.log1p(c * Math.expm1(x));
        return Math.log(rate) - logGone;
    }
}
