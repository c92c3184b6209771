package io.contextualtargeting.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contextualtargeting.formats.ParameterException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingParametersTest {

    @Test
    void hiddenDimensionOfTheRecipeSetsTheFactors() {
        TrainingParameters parameters = TrainingParameters.defaults()
                .withPersonalizeHyperparameters(Map.of("hidden_dimension", "149"));

        assertThat(parameters.factors()).isEqualTo(149);
    }

    @Test
    void hiddenDimensionOutsidePersonalizesRangeIsRejected() {
        assertThatThrownBy(() -> TrainingParameters.defaults().withPersonalizeHyperparameters(Map.of("hidden_dimension", "512")))
                .isInstanceOf(ParameterException.class)
                .hasMessage("training parameters, field hidden_dimension: must be between 32 and 256, got 512");
    }

    @Test
    void otherHyperparametersAreNotPartOfTheRecipes() {
        assertThatThrownBy(() -> TrainingParameters.defaults().withPersonalizeHyperparameters(Map.of("epochs", "5")))
                .hasMessage("training parameters, field epochs: unknown hyperparameter;"
                        + " the user segmentation recipes take hidden_dimension only");
    }

    @Test
    void zeroIterationsIsAnInputError() {
        assertThatThrownBy(() -> TrainingParameters.defaults().withIterations(0))
                .isInstanceOf(ParameterException.class)
                .hasMessage("training parameters, field iterations: must be at least 1, got 0");
    }
}
