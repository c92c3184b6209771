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
public final class QuantizedUserIndex {
    public static final int BLOCK = 2048;
    /** Relative slack on the bounds that covers float rounding of dot products and sums. */
    private static final float ROUNDING_SLACK = 1e-4f;

    private final FactorMatrix users;
    private final int count;
    private final int k;
    private final int groups;
    private final int[][][] packed;
    /** Per block and user: the scale s_u, the query-free error term, the norm, and 0 or -inf (not rankable). */
    private final float[][] scale;
    private final float[][] ownError;
    private final float[][] norm;
    private final float[][] exclusion;

    private QuantizedUserIndex(FactorMatrix users, int[][][] packed, float[][] scale, float[][] ownError, float[][] norm,
                               float[][] exclusion) {
        this.users = users;
        this.count = users.size();
        this.k = users.dimension();
        this.groups = (k + 3) / 4;
        this.packed = packed;
        this.scale = scale;
        this.ownError = ownError;
        this.norm = norm;
        this.exclusion = exclusion;
    }

    /** @param rankable users that may appear in results (those with training interactions) */
    public static QuantizedUserIndex build(FactorMatrix users, boolean[] rankable) {
        int n = users.size();
        int k = users.dimension();
        int groups = (k + 3) / 4;
        int blocks = (n + BLOCK - 1) / BLOCK;
        int[][][] packed = new int[blocks][groups][BLOCK];
        float[][] scale = new float[blocks][BLOCK];
        float[][] ownError = new float[blocks][BLOCK];
        float[][] norm = new float[blocks][BLOCK];
        float[][] exclusion = new float[blocks][BLOCK];
        for (int u = 0; u < n; u++) {
            int b = u / BLOCK;
            int j = u % BLOCK;
            float[] x = users.row(u);
            float max = 0;
            for (int f = 0; f < k; f++) {
                max = Math.max(max, Math.abs(x[f]));
            }
            float s = max / 127f;
            float inverse = s == 0 ? 0 : 1 / s;
            long sumAbs = 0;
            int[][] block = packed[b];
            for (int f = 0; f < k; f++) {
                int q = Math.max(-127, Math.min(127, Math.round(x[f] * inverse)));
                sumAbs += Math.abs(q);
                block[f >> 2][j] |= (q & 0xFF) << ((f & 3) * 8);
            }
            scale[b][j] = s;
            // |x.q - s_u s_q (v.w)| <= s_u s_q (0.5 sum|w| + 0.5 sum|v| + 0.25 k) when x = s_u (v + e),
            // q = s_q (w + d), |e|, |d| <= 1/2; this is the part that does not depend on the query
            ownError[b][j] = s * (0.5f * sumAbs + 0.25f * k);
            norm[b][j] = (float) Math.sqrt(VectorMath.dot(x, x, k));
            exclusion[b][j] = rankable[u] ? 0f : Float.NEGATIVE_INFINITY;
        }
        return new QuantizedUserIndex(users, packed, scale, ownError, norm, exclusion);
    }

    public int userCount() {
        return count;
    }

    public boolean isRankable(int user) {
        return exclusion[user / BLOCK][user % BLOCK] == 0f;
    }

    /** The exact score, exactly as the dense path computes it. */
    public float exact(int user, float[] query, float[] extra) {
        float score = VectorMath.dot(users.row(user), query, k);
        return extra == null ? score : score + extra[user];
    }

    /**
     * The exact top {@code n} users for {@code query}, whose exact score is
     * {@code x_u . query + extra[u]} ({@code extra} may be null).
     */
    public int[] top(float[] query, float[] extra, int n) {
        float[] lower = new float[count];
        float[] upper = new float[count];
        bounds(query, extra, lower, upper);
        float threshold = TopUsers.nthLargest(lower, n);
        int candidates = 0;
        for (int u = 0; u < count; u++) {
            if (upper[u] >= threshold && upper[u] != Float.NEGATIVE_INFINITY) {
                candidates++;
            }
        }
        int[] candidate = new int[candidates];
        int c = 0;
        for (int u = 0; u < count; u++) {
            if (upper[u] >= threshold && upper[u] != Float.NEGATIVE_INFINITY) {
                candidate[c++] = u;
            }
        }
        float[] exact = lower; // reused: only candidates' entries are read
        for (int u : candidate) {
            exact[u] = exact(u, query, extra);
        }
        return TopUsers.best(candidate, exact, n);
    }

    /**
     * Fills an interval [lower, upper] that holds each user's exact score; users that cannot be
     * ranked get -inf. Per block: integer dot products of the packed bytes, then the bounds, in
     * loops over block-local arrays with one index so that they are vectorised too.
     */
    private void bounds(float[] query, float[] extra, float[] lower, float[] upper) {
        float max = 0;
        for (int f = 0; f < k; f++) {
            max = Math.max(max, Math.abs(query[f]));
        }
        float queryScale = max / 127f;
        float inverse = queryScale == 0 ? 0 : 1 / queryScale;
        int[] q = new int[groups * 4];
        long sumAbs = 0;
        for (int f = 0; f < k; f++) {
            q[f] = Math.max(-127, Math.min(127, Math.round(query[f] * inverse)));
            sumAbs += Math.abs(q[f]);
        }
        float queryError = 0.5f * sumAbs;
        float queryNorm = (float) Math.sqrt(VectorMath.dot(query, query, k));
        int[] acc = new int[BLOCK];
        float[] lo = new float[BLOCK];
        float[] hi = new float[BLOCK];
        float[] shift = new float[BLOCK];
        for (int b = 0; b < packed.length; b++) {
            Arrays.fill(acc, 0);
            int[][] block = packed[b];
            for (int g = 0; g < groups; g++) {
                lowBytes(acc, block[g], q[4 * g], q[4 * g + 1]);
                highBytes(acc, block[g], q[4 * g + 2], q[4 * g + 3]);
            }
            int base = b * BLOCK;
            int size = Math.min(BLOCK, count - base);
            if (extra == null) {
                Arrays.fill(shift, 0f);
            } else {
                System.arraycopy(extra, base, shift, 0, size);
            }
            interval(acc, scale[b], ownError[b], norm[b], exclusion[b], shift, queryScale, queryError, queryNorm, lo, hi);
            System.arraycopy(lo, 0, lower, base, size);
            System.arraycopy(hi, 0, upper, base, size);
        }
    }

    private static void interval(int[] acc, float[] scale, float[] ownError, float[] norm, float[] exclusion,
                                 float[] shift, float queryScale, float queryError, float queryNorm, float[] lo, float[] hi) {
        for (int j = 0; j < BLOCK; j++) {
            float approx = acc[j] * (scale[j] * queryScale) + shift[j];
            float error = queryScale * (ownError[j] + scale[j] * queryError);
            error += ROUNDING_SLACK * (queryNorm * norm[j] + error + Math.abs(shift[j]));
            lo[j] = approx - error + exclusion[j];
            hi[j] = approx + error + exclusion[j];
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
