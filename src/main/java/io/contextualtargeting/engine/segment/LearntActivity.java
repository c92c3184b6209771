package io.contextualtargeting.engine.segment;

import io.contextualtargeting.formats.data.TrainingData;
import java.util.Arrays;
import java.util.Objects;

/**
 * How many interactions each user will have next, as the data's own latest period teaches: the
 * latest {@link SettingsSelection#VALIDATION_SHARE} of the rows are held out, a Poisson regression
 * learns how each user's count in that period followed from their past before it (how many rows,
 * how many in the last quarter period and the last period, how long silent, over how long a span,
 * and what their pace and silence let expect, {@link PaceActivity}), and the same regression is applied
 * to the past up to the newest row. No fading half-life and no model of leaving is assumed: the data
 * says whether a long silence means a user has left or is about to come back.
 *
 * <p>In the selection this runs on each fold's earlier part, so the period it learns from is never
 * the one it is judged on.
 */
final class LearntActivity {
    /** Below this many users before the latest period, nothing is learnt: activity comes from pace. */
    private static final int MIN_USERS = 50;
    /** Times are in units of the latest period, plus this much, so that a silence of 0 has a finite log. */
    private static final double OFFSET = 0.01;
    /** Pace's expectation is a feature relative to the most active user's, no lower than this (e^-30 is gone). */
    private static final double PACE_FLOOR = -30;
    /**
     * Recent rows are counted over these shares of the period; a window of four periods was dropped: it
     * nearly repeats the count of all rows, and the two together made the regression swing on long
     * histories (docs/benchmarks.md, "Activity learnt from the data's latest period").
     */
    private static final double[] WINDOWS = {0.25, 1};

    private LearntActivity() {
    }

    /** @param weights each row's weight (0 leaves the row out) */
    static UserActivity of(TrainingData data, float[] weights) {
        long newest = DecayedHistory.newest(data);
        long cutoff = data.timestampAtShare(1 - SettingsSelection.VALIDATION_SHARE);
        double period = Math.max(3600, newest - cutoff);
        TrainingData earlier = data.select(i -> data.timestamp(i) < cutoff);
        float[] earlierWeights = new float[earlier.interactionCount()];
        double[] counts = new double[data.userCount()];
        for (int i = 0, k = 0; i < data.interactionCount(); i++) { // select keeps the rows' order
            if (data.timestamp(i) < cutoff) {
                earlierWeights[k++] = weights[i];
            } else if (weights[i] > 0) {
                counts[data.user(i)]++;
            }
        }
        double[][] before = features(earlier, earlierWeights, cutoff, period);
        double[][] rows = Arrays.stream(before).filter(Objects::nonNull).toArray(double[][]::new);
        if (rows.length < MIN_USERS) {
            return PaceActivity.of(data, weights);
        }
        double[] observed = new double[rows.length];
        for (int u = 0, r = 0; u < before.length; u++) {
            if (before[u] != null) {
                observed[r++] = counts[u];
            }
        }
        PoissonRegression regression = PoissonRegression.fit(rows, observed);
        double[][] now = features(data, weights, newest, period);
        double[] logActivity = new double[data.userCount()];
        for (int u = 0; u < logActivity.length; u++) {
            logActivity[u] = now[u] == null ? Double.NEGATIVE_INFINITY : regression.logExpected(now[u]);
        }
        return new UserActivity(logActivity);
    }

    /** Each user's past as of {@code now}, in units of {@code period}; null for a user without weighted rows. */
    private static double[][] features(TrainingData data, float[] weights, long now, double period) {
        int users = data.userCount();
        int[][] recent = new int[WINDOWS.length][users];
        for (int i = 0; i < data.interactionCount(); i++) {
            for (int w = 0; w < WINDOWS.length && weights[i] > 0; w++) {
                recent[w][data.user(i)] += now - data.timestamp(i) <= WINDOWS[w] * period ? 1 : 0;
            }
        }
        PaceActivity.Spans spans = PaceActivity.Spans.of(data, weights);
        int[] rows = spans.rows();
        long[] first = spans.first();
        long[] last = spans.last();
        UserActivity pace = PaceActivity.of(data, spans);
        double highest = Double.NEGATIVE_INFINITY;
        for (int u = 0; u < users; u++) {
            highest = Math.max(highest, pace.logActivity(u));
        }
        double[][] features = new double[users][];
        for (int u = 0; u < users; u++) {
            if (rows[u] > 0) {
                double[] x = new double[4 + WINDOWS.length];
                x[0] = Math.log(rows[u]);
                x[1] = Math.log((now - last[u]) / period + OFFSET);
                x[2] = Math.log((last[u] - first[u]) / period + OFFSET);
                x[3] = Math.max(PACE_FLOOR, pace.logActivity(u) - highest);
                for (int w = 0; w < WINDOWS.length; w++) {
                    x[4 + w] = Math.log1p(recent[w][u]);
                }
                features[u] = x;
            }
        }
        return features;
    }
}
