package io.contextualtargeting.engine.model;

import java.util.Arrays;

/**
 * Solves one row's least-squares problem by conjugate gradient, with the scratch space of one
 * worker thread. Each step costs one pass over the row's entries (a dot product and a scaled add
 * per entry) plus one product with the shared Gram matrix.
 */
final class RowSolver {
    private final int k;
    private final int cgSteps;
    private final float[] r;
    private final float[] p;
    private final float[] ap;
    private final float[] coefficients = new float[4];

    RowSolver(int k, int cgSteps) {
        this.k = k;
        this.cgSteps = cgSteps;
        this.r = new float[k];
        this.p = new float[k];
        this.ap = new float[k];
    }

    /**
     * A few CG steps on {@code (G + sum_i s_i y_i y_i^T) x = sum_i (1 + s_i) y_i}, where
     * {@code G = Y^T Y + lambda I}, starting from the current {@code x}.
     */
    void solve(InteractionMatrix matrix, int row, FactorMatrix fixed, float[][] gram, float[] x) {
        int start = matrix.rowStart(row);
        int end = matrix.rowEnd(row);
        if (start == end) {
            Arrays.fill(x, 0f); // nothing observed: the minimiser is 0
            return;
        }
        VectorMath.symmetricTimes(gram, x, r, k);
        for (int j = 0; j < k; j++) {
            r[j] = -r[j];
        }
        pass(matrix, start, end, fixed, x, r, true);
        System.arraycopy(r, 0, p, 0, k);
        float rsOld = VectorMath.dot(r, r, k);
        for (int step = 0; step < cgSteps && rsOld > 1e-20f; step++) {
            VectorMath.symmetricTimes(gram, p, ap, k);
            pass(matrix, start, end, fixed, p, ap, false);
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

    /**
     * {@code out += sum_e c_e y_e} over the row's entries, with {@code c_e = s_e (y_e . v)}, or for the
     * residual {@code c_e = (1 + s_e) - s_e (y_e . v)}. Entries go four at a time: sixteen independent
     * sums the processor can overlap (HotSpot does not vectorise a float sum), which makes training
     * about a sixth faster than one entry at a time.
     */
    private void pass(InteractionMatrix matrix, int start, int end, FactorMatrix fixed, float[] v, float[] out,
                      boolean residual) {
        int e = start;
        for (; e + 3 < end; e += 4) {
            float[] y0 = fixed.row(matrix.column(e));
            float[] y1 = fixed.row(matrix.column(e + 1));
            float[] y2 = fixed.row(matrix.column(e + 2));
            float[] y3 = fixed.row(matrix.column(e + 3));
            VectorMath.dot4(y0, y1, y2, y3, v, coefficients, k);
            for (int q = 0; q < 4; q++) {
                coefficients[q] = coefficient(matrix.strength(e + q), coefficients[q], residual);
            }
            VectorMath.axpy4(coefficients, y0, y1, y2, y3, out, k);
        }
        for (; e < end; e++) {
            float[] y = fixed.row(matrix.column(e));
            VectorMath.axpy(coefficient(matrix.strength(e), VectorMath.dot(y, v, k), residual), y, out, k);
        }
    }

    private static float coefficient(float strength, float product, boolean residual) {
        return residual ? (1 + strength) - strength * product : strength * product;
    }
}
