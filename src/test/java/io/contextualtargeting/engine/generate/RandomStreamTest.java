package io.contextualtargeting.engine.generate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RandomStreamTest {

    @Test
    void aStreamDependsOnlyOnSeedPurposeAndIndex() {
        long first = RandomStream.of(5, RandomStream.Purpose.USER_EVENTS, 17).nextLong();
        RandomStream.of(5, RandomStream.Purpose.USER_EVENTS, 3).nextLong();
        assertThat(RandomStream.of(5, RandomStream.Purpose.USER_EVENTS, 17).nextLong()).isEqualTo(first);
        assertThat(RandomStream.of(5, RandomStream.Purpose.USER_PROFILE, 17).nextLong()).isNotEqualTo(first);
        assertThat(RandomStream.of(6, RandomStream.Purpose.USER_EVENTS, 17).nextLong()).isNotEqualTo(first);
        assertThat(RandomStream.of(5, RandomStream.Purpose.USER_EVENTS, 18).nextLong()).isNotEqualTo(first);
    }

    @Test
    void gammaHasTheMeanOfItsShapeAboveAndBelowOne() {
        RandomStream random = RandomStream.of(9, RandomStream.Purpose.CATALOG, 0);
        for (double shape : new double[] {0.2, 1.0, 2.5}) {
            double sum = 0;
            int draws = 100_000;
            for (int i = 0; i < draws; i++) {
                sum += random.gamma(shape);
            }
            assertThat(sum / draws).as("shape " + shape).isCloseTo(shape, within(0.03 * shape + 0.01));
        }
    }

    @Test
    void dirichletDrawsSumToOneAndLeaveZeroConcentrationsOut() {
        double[] draw = RandomStream.of(9, RandomStream.Purpose.CATALOG, 1).dirichlet(new double[] {0.5, 0, 1, 2});
        assertThat(draw[1]).isZero();
        assertThat(draw[0] + draw[1] + draw[2] + draw[3]).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void nextIntStaysBelowItsBound() {
        RandomStream random = RandomStream.of(2, RandomStream.Purpose.CATALOG, 0);
        boolean sawTop = false;
        for (int i = 0; i < 10_000; i++) {
            int value = random.nextInt(7);
            assertThat(value).isBetween(0, 6);
            sawTop |= value == 6;
        }
        assertThat(sawTop).isTrue();
    }
}
