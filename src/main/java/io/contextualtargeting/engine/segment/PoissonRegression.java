package io.contextualtargeting.engine.segment;

import java.util.Arrays;

/**
 * A Poisson regression with a log link, fitted by Newton's method: the expected count is
 * {@code exp(w . x)}. Features are standardised inside, so their scales do not matter, and held to
 * the range they were fitted on, so that no prediction extrapolates. A ridge of {@link #RIDGE} on the
 * standardised weights keeps them modest where few observations count (a few dozen users with
 * any interaction, where a feature can separate them perfectly); on more data it fades away.
 */
final class PoissonRegression {
    private static final int ITERATIONS = 25;
    private static final double RIDGE = 10;
    /** Linear predictors are held below this, so that no expected count overflows while fitting. */
    private static final double MAX_LOG = 30;
    private static final double MAX_STEP = 2;

    private final double[] mean;
    private final double[] scale;
    private final double[] low;
    private final double[] high;
    private final double[] weights;

    private PoissonRegression(double[] mean, double[] scale, double[] low, double[] high, double[] weights) {
        this.mean = mean;
        this.scale = scale;
        this.low = low;
        this.high = high;
        this.weights = weights;
    }

    /** @param rows one feature vector per observation; {@code counts} the observed counts */
    static PoissonRegression fit(double[][] rows, double[] counts) {
        int d = rows[0].length;
        double[] mean = new double[d];
        double[] scale = new double[d];
        double[] low = new double[d];
        double[] high = new double[d];
        Arrays.fill(low, Double.POSITIVE_INFINITY);
        Arrays.fill(high, Double.NEGATIVE_INFINITY);
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / rows.length;
                low[j] = Math.min(low[j], row[j]);
                high[j] = Math.max(high[j], row[j]);
            }
        }
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / rows.length;
            }
        }
        for (int j = 0; j < d; j++) {
            scale[j] = scale[j] > 1e-12 ? Math.sqrt(scale[j]) : 1;
        }
        double total = 0;
        for (double c : counts) {
            total += c;
        }
        double[] w = new double[d + 1];
        w[0] = Math.log(Math.max(total, 0.5) / rows.length);
        PoissonRegression model = new PoissonRegression(mean, scale, low, high, w);
        double[] x = new double[d + 1];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double[] gradient = new double[d + 1];
            double[][] hessian = new double[d + 1][d + 1];
            for (int i = 0; i < rows.length; i++) {
                model.standardised(rows[i], x);
                double mu = Math.exp(Math.min(MAX_LOG, dot(w, x)));
                for (int a = 0; a <= d; a++) {
                    gradient[a] += (counts[i] - mu) * x[a];
                    for (int b = 0; b <= a; b++) {
                        hessian[a][b] += mu * x[a] * x[b];
                    }
                }
            }
            for (int a = 0; a <= d; a++) {
                double ridge = a == 0 ? 0 : RIDGE;
                gradient[a] -= ridge * w[a];
                hessian[a][a] += ridge + 1e-9;
                for (int b = 0; b < a; b++) {
                    hessian[b][a] = hessian[a][b];
                }
            }
            double[] step = solve(hessian, gradient);
            double largest = 0;
            for (double s : step) {
                largest = Math.max(largest, Math.abs(s));
            }
            double damping = Math.min(1, MAX_STEP / largest); // far from the optimum, Newton overshoots
            for (int a = 0; a <= d; a++) {
                w[a] += damping * step[a];
            }
            if (largest < 1e-6) {
                break;
            }
        }
        return model;
    }

    /** The log of the expected count for {@code row}. */
    double logExpected(double[] row) {
        double[] x = new double[weights.length];
        standardised(row, x);
        return dot(weights, x);
    }

    private void standardised(double[] row, double[] x) {
        x[0] = 1;
        for (int j = 0; j < row.length; j++) {
            x[j + 1] = (Math.max(low[j], Math.min(high[j], row[j])) - mean[j]) / scale[j];
        }
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** Solves {@code m s = v} for a symmetric positive definite {@code m} (Cholesky). */
    private static double[] solve(double[][] m, double[] v) {
        int n = v.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = m[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                l[i][j] = i == j ? Math.sqrt(Math.max(sum, 1e-12)) : sum / l[j][j];
            }
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = v[i];
            for (int k = 0; k < i; k++) {
                sum -= l[i][k] * y[k];
            }
            y[i] = sum / l[i][i];
        }
        double[] s = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double sum = y[i];
            for (int k = i + 1; k < n; k++) {
                sum -= l[k][i] * s[k];
            }
            s[i] = sum / l[i][i];
        }
        return s;
    }
}
