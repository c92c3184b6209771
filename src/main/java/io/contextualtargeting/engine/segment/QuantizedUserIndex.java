package io.contextualtargeting.engine.segment;

import io.contextualtargeting.engine.model.FactorMatrix;
import io.contextualtargeting.engine.model.VectorMath;
import java.util.Arrays;

/**
 * The user factors quantised to 8 bits, laid out for a fast scan that returns exact results.
 *
 * <p>Scoring ten million users reads every user's factors, so it is bound by memory bandwidth:
 * 64 floats per user are 2.56 GB, 64 bytes are 640 MB. Each user's factors are stored as
 * {@code v = round(x / s_u)} with {@code s_u = max|x| / 127}; the query as 16-bit integers
 * {@code w = round(q / s_q)}. The scan computes integer dot products, four bytes packed in an int
 * and unpacked with shifts, in loops HotSpot turns into SIMD code (JDK 17 vectorises neither
 * byte-to-float conversions nor float sums). Since
 * {@code x.q - s_u s_q (v.w) = (x - s_u v).q + s_u v.(q - s_q w)}, the error is at most
 * {@code |x - s_u v| |q| + s_u |v|_1 s_q / 2}: every user gets an interval that certainly holds
 * the exact score. A user can be in the top N only if its upper bound reaches the N-th largest
 * lower bound; only those candidates are scored exactly, from the float factors, so the result
 * is the exact top N (ties to the lower user index), the same as scoring everyone in float.
 *
 * <p>Users are stored in blocks of {@value #BLOCK}, factor-major inside a block: for block b and
 * group g of four factors, {@code packed[b][g][j]} holds the four bytes of user {@code b*BLOCK+j}.
 * A sample of blocks first estimates a threshold safely below the N-th largest lower bound, so the
 * full scan keeps only the users that can reach it; the estimate is checked, never trusted.
 */
public final class QuantizedUserIndex {
    public static final int BLOCK = 2048;
    /** Relative slack on the bounds that covers float rounding of dot products and sums. */
    private static final float ROUNDING_SLACK = 1e-4f;
    private static final int QUERY_LEVELS = 32767;
    /** Blocks sampled to estimate the threshold: one in this many. */
    private static final int SAMPLE_EVERY = 16;

    private final FactorMatrix users;
    private final int count;
    private final int k;
    private final int groups;
    private final int[][][] packed;
    /** Per block and user: the scale s_u, the rounding residual |x - s_u v| and s_u |v|_1. */
    private final float[][] scale;
    private final float[][] residual;
    private final float[][] magnitude;
    /** Per block: which users may not be ranked, or null when all may. */
    private final boolean[][] excluded;
    private final int rankable;

    private QuantizedUserIndex(FactorMatrix users, int[][][] packed, float[][] scale, float[][] residual,
                               float[][] magnitude, boolean[][] excluded, int rankable) {
        this.users = users;
        this.count = users.size();
        this.k = users.dimension();
        this.groups = (k + 3) / 4;
        this.packed = packed;
        this.scale = scale;
        this.residual = residual;
        this.magnitude = magnitude;
        this.excluded = excluded;
        this.rankable = rankable;
    }

    /** @param rankable users that may appear in results (those with training interactions) */
    public static QuantizedUserIndex build(FactorMatrix users, boolean[] rankable) {
        int n = users.size();
        int k = users.dimension();
        int blocks = (n + BLOCK - 1) / BLOCK;
        int[][][] packed = new int[blocks][(k + 3) / 4][BLOCK];
        float[][] scale = new float[blocks][BLOCK];
        float[][] residual = new float[blocks][BLOCK];
        float[][] magnitude = new float[blocks][BLOCK];
        boolean[][] excluded = new boolean[blocks][];
        int rankableCount = 0;
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
            double squaredResidual = 0;
            long sumAbs = 0;
            int[][] block = packed[b];
            for (int f = 0; f < k; f++) {
                int v = Math.max(-127, Math.min(127, Math.round(x[f] * inverse)));
                double e = x[f] - (double) s * v;
                squaredResidual += e * e;
                sumAbs += Math.abs(v);
                block[f >> 2][j] |= (v & 0xFF) << ((f & 3) * 8);
            }
            scale[b][j] = s;
            residual[b][j] = (float) Math.sqrt(squaredResidual);
            magnitude[b][j] = s * sumAbs;
            if (rankable[u]) {
                rankableCount++;
            } else {
                if (excluded[b] == null) {
                    excluded[b] = new boolean[BLOCK];
                }
                excluded[b][j] = true;
            }
        }
        return new QuantizedUserIndex(users, packed, scale, residual, magnitude, excluded, rankableCount);
    }

    public int userCount() {
        return count;
    }

    public boolean isRankable(int user) {
        boolean[] block = excluded[user / BLOCK];
        return block == null || !block[user % BLOCK];
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
        Scan scan = new Scan(query, extra);
        float estimate = n >= rankable ? Float.NEGATIVE_INFINITY : scan.estimateThreshold(n);
        Candidates candidates = scan.collect(estimate);
        if (candidates.atLeast(estimate) < Math.min(n, rankable)) {
            // the sample put the threshold too high (possible only if user order correlates with
            // scores): keep everyone, still exact
            candidates = scan.collect(Float.NEGATIVE_INFINITY);
        }
        float nthLower = TopUsers.nthLargest(Arrays.copyOf(candidates.lower, candidates.size), n);
        int[] finalists = new int[candidates.size];
        float[] exact = new float[candidates.size];
        int f = 0;
        for (int c = 0; c < candidates.size; c++) {
            if (candidates.upper[c] >= nthLower) {
                finalists[f] = candidates.user[c];
                exact[f++] = exact(candidates.user[c], query, extra);
            }
        }
        return TopUsers.best(Arrays.copyOf(finalists, f), exact, n);
    }

    /** One query's scan state: the quantised query and the block-local buffers. */
    private final class Scan {
        private final float[] extra;
        private final int[] w = new int[groups * 4];
        private final float queryScale;
        private final float residualWeight;
        private final float magnitudeWeight;
        private final int[] acc = new int[BLOCK];
        private final float[] shift = new float[BLOCK];
        private final float[] lo = new float[BLOCK];
        private final float[] hi = new float[BLOCK];

        Scan(float[] query, float[] extra) {
            this.extra = extra;
            float max = 0;
            for (int f = 0; f < k; f++) {
                max = Math.max(max, Math.abs(query[f]));
            }
            queryScale = max / QUERY_LEVELS;
            float inverse = queryScale == 0 ? 0 : 1 / queryScale;
            for (int f = 0; f < k; f++) {
                w[f] = Math.max(-QUERY_LEVELS, Math.min(QUERY_LEVELS, Math.round(query[f] * inverse)));
            }
            float queryNorm = (float) Math.sqrt(VectorMath.dot(query, query, k));
            residualWeight = queryNorm * (1 + ROUNDING_SLACK);
            magnitudeWeight = 0.5f * queryScale + ROUNDING_SLACK * queryNorm;
        }

        /**
         * A value below the n-th largest lower bound with near certainty, from the lower bounds of
         * every {@value #SAMPLE_EVERY}th block: the value with 1.5 times the expected share above it.
         */
        float estimateThreshold(int n) {
            int sampled = 0;
            float[] lower = new float[((packed.length + SAMPLE_EVERY - 1) / SAMPLE_EVERY) * BLOCK];
            for (int b = 0; b < packed.length; b += SAMPLE_EVERY) {
                int size = bounds(b);
                System.arraycopy(lo, 0, lower, sampled, size);
                sampled += size;
            }
            int rank = (int) Math.min(sampled, Math.ceil(1.5 * n * sampled / (double) count) + 1);
            return TopUsers.nthLargest(Arrays.copyOf(lower, sampled), rank);
        }

        /** Users whose upper bound reaches {@code threshold}, with their bounds. */
        Candidates collect(float threshold) {
            Candidates candidates = new Candidates();
            for (int b = 0; b < packed.length; b++) {
                int size = bounds(b);
                int base = b * BLOCK;
                for (int j = 0; j < size; j++) {
                    if (hi[j] >= threshold && hi[j] != Float.NEGATIVE_INFINITY) {
                        candidates.add(base + j, lo[j], hi[j]);
                    }
                }
            }
            return candidates;
        }

        /** Fills lo/hi for block b (-inf for users that cannot be ranked); returns its user count. */
        private int bounds(int b) {
            Arrays.fill(acc, 0);
            int[][] block = packed[b];
            for (int g = 0; g < groups; g++) {
                lowBytes(acc, block[g], w[4 * g], w[4 * g + 1]);
                highBytes(acc, block[g], w[4 * g + 2], w[4 * g + 3]);
            }
            int base = b * BLOCK;
            int size = Math.min(BLOCK, count - base);
            if (extra != null) {
                System.arraycopy(extra, base, shift, 0, size);
            }
            interval(acc, scale[b], residual[b], magnitude[b], shift, queryScale, residualWeight, magnitudeWeight, lo, hi);
            boolean[] out = excluded[b];
            if (out != null) {
                for (int j = 0; j < size; j++) {
                    if (out[j]) {
                        lo[j] = Float.NEGATIVE_INFINITY;
                        hi[j] = Float.NEGATIVE_INFINITY;
                    }
                }
            }
            return size;
        }
    }

    /** Users found by a scan and the bounds of their exact scores. */
    private static final class Candidates {
        int[] user = new int[1024];
        float[] lower = new float[1024];
        float[] upper = new float[1024];
        int size;

        void add(int u, float lo, float hi) {
            if (size == user.length) {
                int grown = size * 2;
                user = Arrays.copyOf(user, grown);
                lower = Arrays.copyOf(lower, grown);
                upper = Arrays.copyOf(upper, grown);
            }
            user[size] = u;
            lower[size] = lo;
            upper[size++] = hi;
        }

        /** How many candidates have a lower bound of at least {@code value}. */
        int atLeast(float value) {
            int n = 0;
            for (int c = 0; c < size; c++) {
                if (lower[c] >= value) {
                    n++;
                }
            }
            return n;
        }
    }

    private static void interval(int[] acc, float[] scale, float[] residual, float[] magnitude, float[] shift,
                                 float queryScale, float residualWeight, float magnitudeWeight, float[] lo, float[] hi) {
        for (int j = 0; j < BLOCK; j++) {
            float approx = acc[j] * (scale[j] * queryScale) + shift[j];
            float error = residualWeight * residual[j] + magnitudeWeight * magnitude[j]
                    + ROUNDING_SLACK * Math.abs(shift[j]);
            lo[j] = approx - error;
            hi[j] = approx + error;
        }
    }

    // Two lanes per loop: the four-lane form is too large for the superword pass of JDK 17.
    private static void lowBytes(int[] acc, int[] packed, int w0, int w1) {
        for (int j = 0; j < BLOCK; j++) {
            int x = packed[j];
            acc[j] += w0 * ((x << 24) >> 24) + w1 * ((x << 16) >> 24);
        }
    }

    private static void highBytes(int[] acc, int[] packed, int w2, int w3) {
        for (int j = 0; j < BLOCK; j++) {
            int x = packed[j];
            acc[j] += w2 * ((x << 8) >> 24) + w3 * (x >> 24);
        }
    }
}
