package io.contextualtargeting.engine.generate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AliasTableTest {

    @Test
    void drawsIndicesInProportionToTheirWeights() {
        double[] weights = {1, 0, 3, 6};
        AliasTable table = new AliasTable(weights);
        RandomStream random = RandomStream.of(1, RandomStream.Purpose.CATALOG, 0);
        int[] counts = new int[weights.length];
        int draws = 200_000;
        for (int i = 0; i < draws; i++) {
            counts[table.sample(random)]++;
        }
        assertThat(counts[1]).isZero();
        assertThat(counts[0] / (double) draws).isCloseTo(0.1, within(0.005));
        assertThat(counts[2] / (double) draws).isCloseTo(0.3, within(0.005));
        assertThat(counts[3] / (double) draws).isCloseTo(0.6, within(0.005));
    }
}
