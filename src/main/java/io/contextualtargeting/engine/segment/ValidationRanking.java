package io.contextualtargeting.engine.segment;

import java.util.Arrays;

/**
 * One thread's scores of the validation users for one query, and how many of the query's
 * positives the top of them catch at several segment sizes. A candidate is scored on every
 * validation query, so this is the search's inner loop: the scores that can be in the largest
 * segment are first kept by a bound read off an evenly spread sample of them (one pass without
 * branches), then selected by quickselect, never sorted.
 */
final class ValidationRanking {
    /** Scores read to place the bound. */
    private static final int SAMPLE = 256;

    private final float[] scores;
    private final float[] scratch;
    private final float[] sample = new float[SAMPLE];

    ValidationRanking(int users) {
        this.scores = new float[users];
        this.scratch = new float[users];
    }

    /** The scores to fill, by user position. */
    float[] scores() {
        return scores;
    }

    /**
     * Expected recall of the top {@code sizes[j]} of {@link #scores()} for each j, sizes largest
     * first, of the users at {@code positives}: users tied at a segment's last score count in
     * proportion, as a segment drawn at random among them would.
     */
    double[] recalls(int[] positives, int[] sizes) {
        int candidates = keepTop(sizes[0]);
        double[] recalls = new double[sizes.length];
        float previous = Float.NaN;
        int tied = 0;
        for (int j = 0, range = candidates; j < sizes.length; range = sizes[j++]) {
            int k = sizes[j];
            float threshold = kthLargest(range, k); // the k largest are now at the front of scratch
            if (threshold != previous) {
                // scores outside [0, range) are below this threshold: under the bound, or under the previous threshold
                tied = count(range, threshold);
                previous = threshold;
            }
            int above = 0;
            for (int i = 0; i < k; i++) {
                above += scratch[i] > threshold ? 1 : 0;
            }
            int hitsAbove = 0;
            int hitsTied = 0;
            for (int p : positives) {
                hitsAbove += scores[p] > threshold ? 1 : 0;
                hitsTied += scores[p] == threshold ? 1 : 0;
            }
            double hits = hitsAbove + (double) hitsTied * (k - above) / tied;
            recalls[j] = hits / Math.min(positives.length, k);
        }
        return recalls;
    }

    /**
     * Puts at the front of scratch every score at least a bound that the k largest are above (all
     * scores when the sample misplaces the bound), and returns how many.
     */
    private int keepTop(int k) {
        float bound = sampledBound(k);
        int kept = 0;
        for (float score : scores) {
            scratch[kept] = score; // overwritten by the next score unless kept
            kept += score >= bound ? 1 : 0;
        }
        if (kept >= k) {
            return kept;
        }
        System.arraycopy(scores, 0, scratch, 0, scores.length);
        return scores.length;
    }

    /**
     * A score a little below the k-th largest, most likely: the sample holds about {@code SAMPLE k / n}
     * scores above it, and the bound is taken three standard deviations further down.
     */
    private float sampledBound(int k) {
        int n = scores.length;
        double expected = (double) SAMPLE * k / n;
        int above = (int) Math.ceil(expected + 3 * Math.sqrt(expected)) + 1;
        if (n < 4 * SAMPLE || above >= SAMPLE) {
            return Float.NEGATIVE_INFINITY;
        }
        for (int i = 0; i < SAMPLE; i++) {
            sample[i] = scores[(int) ((long) i * n / SAMPLE)];
        }
        Arrays.sort(sample);
        return sample[SAMPLE - 1 - above];
    }

    private int count(int length, float value) {
        int count = 0;
        for (int i = 0; i < length; i++) {
            count += scratch[i] == value ? 1 : 0;
        }
        return count;
    }

    /** The k-th largest (1-based) of {@code scratch[0, to)}, by quickselect: afterwards the k largest come first. */
    private float kthLargest(int to, int k) {
        float[] a = scratch;
        int lo = 0;
        int hi = to - 1;
        int target = k - 1;
        while (lo < hi) {
            float pivot = median(a[lo], a[(lo + hi) >>> 1], a[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] > pivot) {
                    i++;
                }
                while (a[j] < pivot) {
                    j--;
                }
                if (i <= j) {
                    float t = a[i];
                    a[i++] = a[j];
                    a[j--] = t;
                }
            }
            if (target <= j) {
                hi = j;
            } else if (target >= i) {
                lo = i;
            } else {
                return a[target];
            }
        }
        return a[target];
    }

    private static float median(float a, float b, float c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
