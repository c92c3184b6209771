package io.contextualtargeting.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.contextualtargeting.engine.PlantedTastes;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RowSolverTest {
    private static final int K = 6;
    private static final float LAMBDA = 0.5f;

    @Test
    void enoughStepsReachTheExactSolutionOfTheRowsWeightedLeastSquaresProblem() {
        InteractionMatrix matrix = InteractionMatrix.byUser(new PlantedTastes(40, 30, 5, 3).read(),
                ConfidenceWeighting.uniform(), 2f);
        FactorMatrix items = FactorMatrix.random(matrix.columns(), K, new SplittableRandom(7));
        float[][] gram = gram(items);
        RowSolver solver = new RowSolver(K, 3 * K); // CG is exact after K steps; a few more absorb float error
        int checked = 0;
        for (int user = 0; user < matrix.rows(); user++) {
            int length = matrix.rowEnd(user) - matrix.rowStart(user);
            if (length == 0) {
                continue;
            }
            float[] x = new float[K];
            solver.solve(matrix, user, items, gram, x);

            double[] expected = exactSolution(matrix, user, items, gram);
            for (int j = 0; j < K; j++) {
                assertThat((double) x[j]).as("user %d (%d entries), factor %d", user, length, j)
                        .isCloseTo(expected[j], within(1e-3 * (1 + Math.abs(expected[j]))));
            }
            checked += length % 4 == 0 ? 0 : 1;
        }
        assertThat(checked).as("rows whose length is not a multiple of four").isPositive();
    }

    private static float[][] gram(FactorMatrix items) {
        float[][] gram = new float[K][K];
        for (int i = 0; i < items.size(); i++) {
            float[] y = items.row(i);
            for (int a = 0; a < K; a++) {
                for (int b = 0; b < K; b++) {
                    gram[a][b] += y[a] * y[b];
                }
            }
        }
        for (int a = 0; a < K; a++) {
            gram[a][a] += LAMBDA;
        }
        return gram;
    }

    /** {@code (G + sum s y y^T) x = sum (1 + s) y}, by Gaussian elimination in double. */
    private static double[] exactSolution(InteractionMatrix matrix, int user, FactorMatrix items, float[][] gram) {
        double[][] a = new double[K][K + 1];
        for (int r = 0; r < K; r++) {
            for (int c = 0; c < K; c++) {
                a[r][c] = gram[r][c];
            }
        }
        for (int e = matrix.rowStart(user); e < matrix.rowEnd(user); e++) {
            float[] y = items.row(matrix.column(e));
            double s = matrix.strength(e);
            for (int r = 0; r < K; r++) {
                for (int c = 0; c < K; c++) {
                    a[r][c] += s * y[r] * y[c];
                }
                a[r][K] += (1 + s) * y[r];
            }
        }
        for (int p = 0; p < K; p++) {
            for (int r = p + 1; r < K; r++) {
                double f = a[r][p] / a[p][p];
                for (int c = p; c <= K; c++) {
                    a[r][c] -= f * a[p][c];
                }
            }
        }
        double[] x = new double[K];
        for (int r = K - 1; r >= 0; r--) {
            double sum = a[r][K];
            for (int c = r + 1; c < K; c++) {
                sum -= a[r][c] * x[c];
            }
            x[r] = sum / a[r][r];
        }
        return x;
    }
}
