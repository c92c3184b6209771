package io.contextualtargeting.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QualityMatrixTest {

    @Test
    void anotherSeedDrawsTheSameShapeAgain() {
        MatrixSetting shop = QualityMatrix.named("shop");
        MatrixSetting redrawn = shop.withSeed(7);
        assertThat(redrawn.generator().seed()).isEqualTo(7);
        assertThat(redrawn.generator().withSeed(shop.generator().seed())).isEqualTo(shop.generator());
        assertThat(redrawn.generateOptions()).contains("--seed 7").isEqualTo(shop.generateOptions().replace("--seed 42", "--seed 7"));
    }
}
