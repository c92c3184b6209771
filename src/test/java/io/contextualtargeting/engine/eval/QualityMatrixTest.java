package io.contextualtargeting.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.contextualtargeting.engine.generate.GeneratorSettings;
import java.util.List;
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

    @Test
    void aSweepDrawsTheSameValidShapesFromTheSameSeedAndOthersFromAnother() {
        List<MatrixSetting> drawn = QualityMatrix.drawn(40, 3);

        assertThat(QualityMatrix.drawn(40, 3)).isEqualTo(drawn);
        assertThat(QualityMatrix.drawn(40, 4)).isNotEqualTo(drawn);
        assertThat(drawn).extracting(MatrixSetting::name).startsWith("drawn-1", "drawn-2").doesNotHaveDuplicates();
        for (MatrixSetting setting : drawn) {
            GeneratorSettings g = setting.generator();
            assertThat((long) g.users() * g.interactionsPerUser()).as(setting.generateOptions())
                    .isLessThanOrEqualTo(QualityMatrix.MAX_DRAWN_INTERACTIONS);
        }
        // wide: the draws span every event style, months to decades, hundreds to tens of thousands of users
        assertThat(drawn.stream().mapToInt(s -> s.generator().shape().events().ordinal()).distinct().count()).isEqualTo(3);
        assertThat(drawn.stream().mapToInt(s -> s.generator().days()).min().getAsInt()).isLessThan(90);
        assertThat(drawn.stream().mapToInt(s -> s.generator().days()).max().getAsInt()).isGreaterThan(1_500);
        assertThat(drawn.stream().mapToInt(s -> s.generator().users()).min().getAsInt()).isLessThan(2_000);
        assertThat(drawn.stream().mapToInt(s -> s.generator().users()).max().getAsInt()).isGreaterThan(10_000);
    }
}
