package io.contextualtargeting.engine.segment;

import io.contextualtargeting.engine.model.FactorMatrix;
import io.contextualtargeting.engine.model.VectorMath;
import java.util.Arrays;

/**
 * The user factors quantised to 8 bits, laid out for a fast scan that returns exact results.
 *
 * <p>Scoring ten million users reads every user's factors, so it is bound by memory bandwidth:
 * 64 floats per user are 2.56 GB, 64 bytes are 640 MB. Each user's factors are stored as
 * {@code v = round(x / s_u)} in [-127, 127] with {@code s_u = max|x| / 127}; the query as
 * {@code w = round(q / s_q)} in [-128, 128]. Since
 * {@code x.q - s_u s_q (v.w) = (x - s_u v).q + s_u v.(q - s_q w)}, the error is at most
 * {@code |x - s_u v| |q| + s_u |v| |q - s_q w|} (Cauchy-Schwarz): every user gets an interval that
 * certainly holds the exact score. A user can be in the top N only if its upper bound reaches the
 * N-th largest lower bound; only those candidates are scored exactly, from the float factors, so
 * the result is the exact top N (ties to the lower user index), the same as scoring everyone in float.
 *
 * <p>The integer dot products are computed two factors per 32-bit multiply (SWAR): four factors
 * are stored as bytes {@code v + 128} in one int; the mask {@code 0x00FF00FF} keeps bytes 0 and 2
 * and subtracting {@code 0x00800080} turns them into the integer {@code v_0 + 2^16 v_2};
 * multiplied by {@code 2^16 w_0 + w_2} this is {@code v_0 w_2 + 2^16 (v_0 w_0 + v_2 w_2)} modulo
 * 2^32, and with these ranges {@code |v_0 w_2| < 2^15}, so the upper half holds
 * {@code v_0 w_0 + v_2 w_2} exactly. A loop of masks, multiplies and shifts over ints is what HotSpot C2 vectorises (JDK 17
 * vectorises neither byte-to-int conversions nor float sums), and at one multiply per two factors
 * it keeps up with memory bandwidth.
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
    private static final int USER_LEVELS = 127;
    /** User bytes are stored as {@code v + OFFSET}, so a stored zero byte is the level 0. */
    private static final int OFFSET = 128;
    private static final int ZERO_LEVELS = 0x80808080;
    /**
     * With levels up to 127 and weights up to 128, the upper lane's two products sum to less than
     * 2^15 and the lower lane's product cannot carry into the upper one.
     */
    private static final int QUERY_LEVELS = 128;
    private static final int LANES = 0x00FF00FF;
    private static final int LANE_OFFSETS = 0x00800080;
    /** Added before the shift so the upper lane comes out exact whatever the lower lane's sign. */
    private static final int HALF = 0x8000;
    /** Blocks sampled to estimate the threshold: one in this many. */
    static final int SAMPLE_EVERY = 32;

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
        this.groups = groupsFor(k);
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
        int[][][] packed = new int[blocks][groupsFor(k)][BLOCK];
        for (int[][] block : packed) {
            for (int[] group : block) {
                Arrays.fill(group, ZERO_LEVELS);
            }
        }
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
            float s = max / USER_LEVELS;
            float inverse = s == 0 ? 0 : 1 / s;
            double squaredResidual = 0;
            long squaredLevels = 0;
            int[][] block = packed[b];
            for (int f = 0; f < k; f++) {
                int v = Math.max(-USER_LEVELS, Math.min(USER_LEVELS, Math.round(x[f] * inverse)));
                double e = x[f] - (double) s * v;
                squaredResidual += e * e;
                squaredLevels += (long) v * v;
                int shift = (f & 3) * 8;
                block[f >> 2][j] = (block[f >> 2][j] & ~(0xFF << shift)) | ((v + OFFSET) << shift);
            }
            scale[b][j] = s;
            residual[b][j] = (float) Math.sqrt(squaredResidual);
            magnitude[b][j] = (float) (s * Math.sqrt(squaredLevels));
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
        Candidates candidates = scan.collect(estimate, n);
        if (candidates.atLeast(estimate) < Math.min(n, rankable)) {
            // the sample put the threshold too high (possible only if user order correlates with
            // scores): keep everyone, still exact
            candidates = scan.collect(Float.NEGATIVE_INFINITY, n);
        }
        float nthLower = TopUsers.nthLargest(Arrays.copyOf(candidates.lower, candidates.size), n);
        int[] finalists = new int[candidates.size];
        int f = 0;
        for (int c = 0; c < candidates.size; c++) {
            if (candidates.upper[c] >= nthLower) {
                finalists[f++] = candidates.user[c];
            }
        }
        finalists = Arrays.copyOf(finalists, f);
        return TopUsers.best(finalists, exactScores(finalists, query, extra), n);
    }

    /**
     * {@link #exact} of each user. Four at a time: each row is a cache miss, and four independent
     * dot products in one loop body keep more of them in flight.
     */
    private float[] exactScores(int[] chosen, float[] query, float[] extra) {
        float[] scores = new float[chosen.length];
        int c = 0;
        for (; c + 3 < chosen.length; c += 4) {
            float[] r0 = users.row(chosen[c]);
            float[] r1 = users.row(chosen[c + 1]);
            float[] r2 = users.row(chosen[c + 2]);
            float[] r3 = users.row(chosen[c + 3]);
            scores[c] = VectorMath.dot(r0, query, k);
            scores[c + 1] = VectorMath.dot(r1, query, k);
            scores[c + 2] = VectorMath.dot(r2, query, k);
            scores[c + 3] = VectorMath.dot(r3, query, k);
        }
        for (; c < chosen.length; c++) {
            scores[c] = VectorMath.dot(users.row(chosen[c]), query, k);
        }
        if (extra != null) {
            for (c = 0; c < chosen.length; c++) {
                scores[c] += extra[chosen[c]];
            }
        }
        return scores;
    }

    /** One query's scan state: the quantised query and the block-local buffers. */
    private final class Scan {
        private final float[] extra;
        /** Per group: the multipliers of bytes 0 and 2, and of bytes 1 and 3. */
        private final int[] evenBytes = new int[groups];
        private final int[] oddBytes = new int[groups];
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
            int[] w = new int[groups * 4];
            double squaredError = 0;
            for (int f = 0; f < k; f++) {
                w[f] = Math.max(-QUERY_LEVELS, Math.min(QUERY_LEVELS, Math.round(query[f] * inverse)));
                double d = query[f] - (double) queryScale * w[f];
                squaredError += d * d;
            }
            for (int g = 0; g < groups; g++) {
                evenBytes[g] = (w[4 * g] << 16) + w[4 * g + 2];
                oddBytes[g] = (w[4 * g + 1] << 16) + w[4 * g + 3];
            }
            float queryNorm = (float) Math.sqrt(VectorMath.dot(query, query, k));
            residualWeight = queryNorm * (1 + ROUNDING_SLACK);
            magnitudeWeight = (float) Math.sqrt(squaredError) * (1 + ROUNDING_SLACK) + ROUNDING_SLACK * queryNorm;
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
        Candidates collect(float threshold, int n) {
            Candidates candidates = new Candidates((int) Math.min(count, 3L * n + 1024));
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
            int base = b * BLOCK;
            int size = Math.min(BLOCK, count - base);
            blockBounds(packed[b], evenBytes, oddBytes, acc, scale[b], residual[b], magnitude[b], extra, base, size,
                    shift, excluded[b], queryScale, residualWeight, magnitudeWeight, lo, hi);
            return size;
        }
    }

    /** Users found by a scan and the bounds of their exact scores. */
    private static final class Candidates {
        int[] user;
        float[] lower;
        float[] upper;
        int size;

        Candidates(int capacity) {
            user = new int[capacity];
            lower = new float[capacity];
            upper = new float[capacity];
        }

        void add(int u, float lo, float hi) {
            if (size == user.length) {
                int grown = Math.max(16, size * 2);
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

    /**
     * The bounds of one block's users: {@code acc[j] = v_j . w}, eight factors per pass, then the
     * interval around {@code s_u s_q acc[j] + extra[base + j]}. One method on purpose, larger than HotSpot's
     * inlining limit for hot methods (325 bytes of bytecode): compiled on its own its loops are
     * vectorised, while inlined into the scan loop the dot-product loop sometimes was not, which
     * made the scan twice as slow from one run to the next.
     */
    private static void blockBounds(int[][] block, int[] evenBytes, int[] oddBytes, int[] acc, float[] scale,
                                    float[] residual, float[] magnitude, float[] extra, int base, int size,
                                    float[] shift, boolean[] excluded, float queryScale, float residualWeight,
                                    float magnitudeWeight, float[] lo, float[] hi) {
        if (extra != null) {
            System.arraycopy(extra, base, shift, 0, size);
        }
        Arrays.fill(acc, 0);
        for (int g = 0; g + 1 < block.length; g += 2) {
            int[] first = block[g];
            int[] second = block[g + 1];
            int a0 = evenBytes[g];
            int a1 = oddBytes[g];
            int b0 = evenBytes[g + 1];
            int b1 = oddBytes[g + 1];
            for (int j = 0; j < BLOCK; j++) {
                int x = first[j];
                int y = second[j];
                acc[j] += (((x & LANES) - LANE_OFFSETS) * a0 + HALF >> 16)
                        + ((((x >>> 8) & LANES) - LANE_OFFSETS) * a1 + HALF >> 16)
                        + (((y & LANES) - LANE_OFFSETS) * b0 + HALF >> 16)
                        + ((((y >>> 8) & LANES) - LANE_OFFSETS) * b1 + HALF >> 16);
            }
        }
        for (int j = 0; j < BLOCK; j++) {
            float approx = acc[j] * (scale[j] * queryScale) + shift[j];
            float error = residualWeight * residual[j] + magnitudeWeight * magnitude[j]
                    + ROUNDING_SLACK * Math.abs(shift[j]);
            lo[j] = approx - error;
            hi[j] = approx + error;
        }
        if (excluded != null) {
            for (int j = 0; j < BLOCK; j++) {
                if (excluded[j]) {
                    lo[j] = Float.NEGATIVE_INFINITY;
                    hi[j] = Float.NEGATIVE_INFINITY;
                }
            }
        }
    }

    /** Groups of four factors, rounded up to an even number so the scan takes two per pass. */
    private static int groupsFor(int factors) {
        return (factors + 7) / 8 * 2;
    }
}
