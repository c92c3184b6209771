package io.contextualtargeting.engine.model;

import java.util.Arrays;

/**
 * Solves one row's least-squares problem by conjugate gradient, with the scratch space of one
 * worker thread. The work is in the products {@code y_i . v} over the row's entries: for rows of
 * {@value #MIN_TRANSPOSED} to {@value #MAX_TRANSPOSED} entries, the entries' factors are first
 * copied factor-major so those products become SIMD multiply-adds along the entries; other rows
 * use scalar dot products. Which path a row takes depends on its length only, never on the thread.
 */
final class RowSolver {
    static final int MIN_TRANSPOSED = 128;
    static final int MAX_TRANSPOSED = 4096;

    private final int k;
    private final int cgSteps;
    private final float[] r;
    private final float[] p;
    private final float[] ap;
    private final float[] products = new float[MAX_TRANSPOSED];
    private final float[] coefficients = new float[MAX_TRANSPOSED];
    private final float[][] transposed;

    RowSolver(int k, int cgSteps) {
        this.k = k;
        this.cgSteps = cgSteps;
        this.r = new float[k];
        this.p = new float[k];
        this.ap = new float[k];
        this.transposed = new float[k][MAX_TRANSPOSED];
    }

    /**
     * A few CG steps on {@code (G + sum_i s_i y_i y_i^T) x = sum_i (1 + s_i) y_i}, where
     * {@code G = Y^T Y + lambda I}, starting from the current {@code x}.
     */
    void solve(InteractionMatrix matrix, int row, FactorMatrix fixed, float[][] gram, float[] x) {
        int start = matrix.rowStart(row);
        int n = matrix.rowEnd(row) - start;
        if (n == 0) {
            Arrays.fill(x, 0f); // nothing observed: the minimiser is 0
            return;
        }
        boolean transpose = n >= MIN_TRANSPOSED && n <= MAX_TRANSPOSED;
        if (transpose) {
            for (int e = 0; e < n; e++) {
                float[] y = fixed.row(matrix.column(start + e));
                for (int f = 0; f < k; f++) {
                    transposed[f][e] = y[f];
                }
            }
        }
        VectorMath.symmetricTimes(gram, x, r, k);
        for (int j = 0; j < k; j++) {
            r[j] = -r[j];
        }
        if (transpose) {
            products(x, n);
            for (int e = 0; e < n; e++) {
                float s = matrix.strength(start + e);
                coefficients[e] = (1 + s) - s * products[e];
            }
            accumulate(matrix, start, n, fixed, r);
        } else {
            for (int e = start; e < start + n; e++) {
                float[] y = fixed.row(matrix.column(e));
                float s = matrix.strength(e);
                VectorMath.axpy((1 + s) - s * VectorMath.dot(y, x, k), y, r, k);
            }
        }
        System.arraycopy(r, 0, p, 0, k);
        float rsOld = VectorMath.dot(r, r, k);
        for (int step = 0; step < cgSteps && rsOld > 1e-20f; step++) {
            VectorMath.symmetricTimes(gram, p, ap, k);
            if (transpose) {
                products(p, n);
                for (int e = 0; e < n; e++) {
                    coefficients[e] = matrix.strength(start + e) * products[e];
                }
                accumulate(matrix, start, n, fixed, ap);
            } else {
                for (int e = start; e < start + n; e++) {
                    float[] y = fixed.row(matrix.column(e));
                    VectorMath.axpy(matrix.strength(e) * VectorMath.dot(y, p, k), y, ap, k);
                }
            }
            float pAp = VectorMath.dot(p, ap, k);
            if (!(pAp > 0)) {
                break;
            }
            float a = rsOld / pAp;
            VectorMath.axpy(a, p, x, k);
            VectorMath.axpy(-a, ap, r, k);
            float rsNew = VectorMath.dot(r, r, k);
            float beta = rsNew / rsOld;
            for (int j = 0; j < k; j++) {
                p[j] = r[j] + beta * p[j];
            }
            rsOld = rsNew;
        }
    }

    /** {@code products[e] = y_e . v} for the row's entries, as multiply-adds along the entries. */
    private void products(float[] v, int n) {
        Arrays.fill(products, 0, n, 0f);
        for (int f = 0; f < k; f++) {
            VectorMath.axpy(v[f], transposed[f], products, n);
        }
    }

    /** {@code out += sum_e coefficients[e] * y_e}. */
    private void accumulate(InteractionMatrix matrix, int start, int n, FactorMatrix fixed, float[] out) {
        for (int e = 0; e < n; e++) {
            VectorMath.axpy(coefficients[e], fixed.row(matrix.column(start + e)), out, k);
        }
    }
}
