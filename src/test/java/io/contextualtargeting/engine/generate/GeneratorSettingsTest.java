package io.contextualtargeting.engine.generate;

import io.contextualtargeting.formats.InputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GeneratorSettingsTest {

    @Test
    void defaultsAreTheDefaultBenchmark() {
        GeneratorSettings defaults = GeneratorSettings.defaults();
        assertThat(defaults.users()).isEqualTo(20_000);
        assertThat(defaults.items()).isEqualTo(3_000);
        assertThat((long) defaults.users() * defaults.interactionsPerUser()).isEqualTo(1_000_000);
        assertThat(defaults.name()).isEqualTo("bingewatch");
    }

    @Test
    void numResultsDefaultsToFivePercentOfUsersAndAtLeastTen() {
        assertThat(GeneratorSettings.defaultNumResults(2_000)).isEqualTo(100);
        assertThat(GeneratorSettings.defaultNumResults(100)).isEqualTo(10);
        assertThat(GeneratorSettings.defaultNumResults(200_000_000)).isEqualTo(5_000_000);
    }

    @Test
    void tooFewUsersNameTheOptionAndTheRange() {
        assertThatThrownBy(() -> GeneratorSettings.of(10, 3_000, 1))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("field users")
                .hasMessageContaining("10 is out of range: use 100 to 50000000");
    }

    @Test
    void moreInteractionsPerUserThanAQuarterOfTheCatalogIsRejected() {
        assertThatThrownBy(() -> GeneratorSettings.of(1_000, 100, 1).withInteractionsPerUser(26))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("field interactions-per-user");
    }

    @Test
    void aDatasetNameMustBeUsableAsAFolderAndResourceName() {
        assertThatThrownBy(() -> GeneratorSettings.defaults().withName("../etc"))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("field name");
        assertThat(GeneratorSettings.defaults().withName("shop_2024").name()).isEqualTo("shop_2024");
    }
}
