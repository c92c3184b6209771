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
        for (int e = start; e < end; e++) {
            float[] y = fixed.row(matrix.column(e));
            float s = matrix.strength(e);
            VectorMath.axpy((1 + s) - s * VectorMath.dot(y, x, k), y, r, k);
        }
        System.arraycopy(r, 0, p, 0, k);
        float rsOld = VectorMath.dot(r, r, k);
        for (int step = 0; step < cgSteps && rsOld > 1e-20f; step++) {
            VectorMath.symmetricTimes(gram, p, ap, k);
            for (int e = start; e < end; e++) {
                float[] y = fixed.row(matrix.column(e));
                VectorMath.axpy(matrix.strength(e) * VectorMath.dot(y, p, k), y, ap, k);
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
}
