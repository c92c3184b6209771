package io.contextualtargeting.engine.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PoissonRegressionTest {

    @Test
    void recoversTheLogLinearRateCountsWereDrawnFrom() {
        Random random = new Random(7);
        int n = 20_000;
        double[][] rows = new double[n][];
        double[] counts = new double[n];
        for (int i = 0; i < n; i++) {
            rows[i] = new double[] {random.nextGaussian(), 10 + 5 * random.nextGaussian(), random.nextGaussian()};
            double logRate = 0.3 + 0.8 * rows[i][0] - 0.1 * (rows[i][1] - 10) + 0 * rows[i][2];
            counts[i] = poisson(Math.exp(logRate), random);
        }
        PoissonRegression regression = PoissonRegression.fit(rows, counts);

        assertThat(regression.logExpected(new double[] {0, 10, 0})).isCloseTo(0.3, within(0.05));
        assertThat(regression.logExpected(new double[] {1, 10, 0}) - regression.logExpected(new double[] {0, 10, 0}))
                .isCloseTo(0.8, within(0.05));
        assertThat(regression.logExpected(new double[] {0, 20, 0}) - regression.logExpected(new double[] {0, 10, 0}))
                .isCloseTo(-1.0, within(0.1));
        assertThat(regression.logExpected(new double[] {0, 10, 3}) - regression.logExpected(new double[] {0, 10, 0}))
                .isCloseTo(0, within(0.1));
    }

    @Test
    void aFeatureThatNeverVariesAndCountsOfZeroStayFinite() {
        double[][] rows = {{1, 5}, {2, 5}, {3, 5}, {4, 5}};
        PoissonRegression regression = PoissonRegression.fit(rows, new double[] {0, 0, 0, 1});

        assertThat(regression.logExpected(new double[] {4, 5})).isFinite()
                .isGreaterThan(regression.logExpected(new double[] {1, 5}));
    }

    @Test
    void predictsNoFurtherThanTheRangeOfFeaturesItWasFittedOn() {
        double[][] rows = new double[200][];
        double[] counts = new double[200];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new double[] {i / 200.0};
            counts[i] = i >= 190 ? 1 : 0; // a handful of users with any count, all at the top of the range
        }
        PoissonRegression regression = PoissonRegression.fit(rows, counts);

        assertThat(regression.logExpected(new double[] {50})).isEqualTo(regression.logExpected(new double[] {199 / 200.0}));
        assertThat(regression.logExpected(new double[] {-50})).isEqualTo(regression.logExpected(new double[] {0}));
    }

    private static int poisson(double mean, Random random) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
