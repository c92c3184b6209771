package io.contextualtargeting.engine.segment;

import io.contextualtargeting.engine.model.FactorMatrix;
import io.contextualtargeting.engine.model.VectorMath;
import java.util.Arrays;

/**
 * The user factors quantised to 8 bits, laid out for a fast scan that returns exact results.
 *
 * <p>Scoring ten million users reads every user's factors, so it is bound by memory bandwidth:
 * 64 floats per user are 2.56 GB, 64 bytes are 640 MB. Each user's factors are stored as
 * {@code round(x / s_u)} with {@code s_u = max|x| / 127}; the query is quantised the same way and
 * the scan computes integer dot products, four bytes packed in an int and unpacked with shifts,
 * in loops HotSpot turns into SIMD code. Each approximate score comes with a bound on its error,
 * so the scan yields an interval per user that certainly holds the exact score. A user can be in
 * the top N only if its upper bound reaches the N-th largest lower bound; only those candidates
 * are scored exactly, from the float factors. The result is the exact top N.
 *
 * <p>Users are stored in blocks of {@value #BLOCK}, factor-major inside a block: for block b and
 * group g of four factors, {@code packed[b][g][j]} holds the four bytes of user {@code b*BLOCK+j}.
 */
final class QuantizedUserIndex {
    static final int BLOCK = 2048;
    /** Relative slack on the bounds that covers float rounding of dot products and sums. */
    private static final float ROUNDING_SLACK = 1e-4f;

    private final FactorMatrix users;
    private final int k;
    private final int groups;
    private final int[][][] packed;
    private final float[] scale;
    private final float[] ownError;
    private final float[] norm;
    private final boolean[] rankable;

    private QuantizedUserIndex(FactorMatrix users, int[][][] packed, float[] scale, float[] ownError, float[] norm,
                               boolean[] rankable) {
        this.users = users;
        this.k = users.dimension();
        this.groups = (k + 3) / 4;
        this.packed = packed;
        this.scale = scale;
        this.ownError = ownError;
        this.norm = norm;
        this.rankable = rankable;
    }

    /** @param rankable users that may appear in results (those with training interactions) */
    static QuantizedUserIndex build(FactorMatrix users, boolean[] rankable) {
        int n = users.size();
        int k = users.dimension();
        int groups = (k + 3) / 4;
        int blocks = (n + BLOCK - 1) / BLOCK;
        int[][][] packed = new int[blocks][groups][BLOCK];
        float[] scale = new float[n];
        float[] ownError = new float[n];
        float[] norm = new float[n];
        for (int u = 0; u < n; u++) {
            float[] x = users.row(u);
            float max = 0;
            for (int f = 0; f < k; f++) {
                max = Math.max(max, Math.abs(x[f]));
            }
            float s = max / 127f;
            scale[u] = s;
            norm[u] = (float) Math.sqrt(VectorMath.dot(x, x, k));
            long sumAbs = 0;
            int[][] block = packed[u / BLOCK];
            int j = u % BLOCK;
            for (int f = 0; f < k; f++) {
                int q = s == 0 ? 0 : Math.round(x[f] / s);
                q = Math.max(-127, Math.min(127, q));
                sumAbs += Math.abs(q);
                block[f >> 2][j] |= (q & 0xFF) << ((f & 3) * 8);
            }
            // |x.q - s_u s_q (v.w)| <= s_u s_q (0.5 sum|w| + 0.5 sum|v| + 0.25 k); the query-free part:
            ownError[u] = s * (0.5f * sumAbs + 0.25f * k);
        }
        return new QuantizedUserIndex(users, packed, scale, ownError, norm, rankable.clone());
    }

    int userCount() {
        return scale.length;
    }

    boolean isRankable(int user) {
        return rankable[user];
    }

    /** The exact score, exactly as the dense path computes it. */
    float exact(int user, float[] query, float[] extra) {
        float score = VectorMath.dot(users.row(user), query, k);
        return extra == null ? score : score + extra[user];
    }

    /**
     * The exact top {@code n} users for {@code query}, whose exact score is
     * {@code x_u . query + extra[u]} ({@code extra} may be null).
     */
    int[] top(float[] query, float[] extra, int n) {
        int users = userCount();
        float[] lower = new float[users];
        float[] upper = new float[users];
        bounds(query, extra, lower, upper);
        float threshold = TopUsers.nthLargest(lower, n);
        int count = 0;
        for (int u = 0; u < users; u++) {
            if (upper[u] >= threshold && upper[u] != Float.NEGATIVE_INFINITY) {
                count++;
            }
        }
        int[] candidates = new int[count];
        int c = 0;
        for (int u = 0; u < users; u++) {
            if (upper[u] >= threshold && upper[u] != Float.NEGATIVE_INFINITY) {
                candidates[c++] = u;
            }
        }
        float[] exact = lower; // reused: only candidates' entries are read
        for (int candidate : candidates) {
            exact[candidate] = exact(candidate, query, extra);
        }
        return TopUsers.best(candidates, exact, n);
    }

    /** Fills an interval [lower, upper] holding each user's exact score; unrankable users get -inf. */
    private void bounds(float[] query, float[] extra, float[] lower, float[] upper) {
        float max = 0;
        for (int f = 0; f < k; f++) {
            max = Math.max(max, Math.abs(query[f]));
        }
        float queryScale = max / 127f;
        int[] q = new int[groups * 4];
        long sumAbs = 0;
        for (int f = 0; f < k; f++) {
            q[f] = queryScale == 0 ? 0 : Math.max(-127, Math.min(127, Math.round(query[f] / queryScale)));
            sumAbs += Math.abs(q[f]);
        }
        float queryError = 0.5f * sumAbs;
        float queryNorm = (float) Math.sqrt(VectorMath.dot(query, query, k));
        int[] acc = new int[BLOCK];
        for (int b = 0; b < packed.length; b++) {
            Arrays.fill(acc, 0);
            int[][] block = packed[b];
            for (int g = 0; g < groups; g++) {
                lowBytes(acc, block[g], q[4 * g], q[4 * g + 1]);
                highBytes(acc, block[g], q[4 * g + 2], q[4 * g + 3]);
            }
            int base = b * BLOCK;
            int end = Math.min(BLOCK, scale.length - base);
            for (int j = 0; j < end; j++) {
                int u = base + j;
                if (!rankable[u]) {
                    lower[u] = Float.NEGATIVE_INFINITY;
                    upper[u] = Float.NEGATIVE_INFINITY;
                    continue;
                }
                float s = scale[u] * queryScale;
                float approx = acc[j] * s;
                float error = queryScale * (ownError[u] + scale[u] * queryError);
                error += ROUNDING_SLACK * (queryNorm * norm[u] + error);
                float shift = extra == null ? 0 : extra[u];
                error += ROUNDING_SLACK * Math.abs(shift);
                lower[u] = approx + shift - error;
                upper[u] = approx + shift + error;
            }
        }
    }

    // Two lanes per loop: the four-lane form is too large for the superword pass of JDK 17.
    private static void lowBytes(int[] acc, int[] packed, int q0, int q1) {
        for (int j = 0; j < BLOCK; j++) {
            int x = packed[j];
            acc[j] += q0 * ((x << 24) >> 24) + q1 * ((x << 16) >> 24);
        }
    }

    private static void highBytes(int[] acc, int[] packed, int q2, int q3) {
        for (int j = 0; j < BLOCK; j++) {
            int x = packed[j];
            acc[j] += q2 * ((x << 8) >> 24) + q3 * (x >> 24);
        }
    }
}
