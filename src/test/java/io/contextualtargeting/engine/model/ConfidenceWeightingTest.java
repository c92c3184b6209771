package io.contextualtargeting.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.contextualtargeting.formats.data.DataSource;
import io.contextualtargeting.formats.data.DatasetSchemas;
import io.contextualtargeting.formats.data.TrainingData;
import io.contextualtargeting.formats.data.TrainingDataReader;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfidenceWeightingTest {
    private static final long DAY = 86_400;
    /** 2020-09-13: TIMESTAMPs must be after 1990. */
    private static final long BASE = 1_600_000_000L;
    private static final TrainingData DATA = TrainingDataReader.read(DataSource.ofText("interactions.csv",
                    "USER_ID,ITEM_ID,EVENT_TYPE,EVENT_VALUE,TIMESTAMP\n"
                            + "u1,i1,watch,0.5," + (BASE + 100 * DAY) + "\n"
                            + "u1,i2,click,," + (BASE + 90 * DAY) + "\n"
                            + "u1,i3,watch,0.1," + (BASE + 80 * DAY) + "\n"),
            Optional.empty(), Optional.empty(), DatasetSchemas.NONE);

    @Test
    void uniformCountsEveryRowOnce() {
        assertThat(ConfidenceWeighting.uniform().weights(DATA)).containsExactly(1f, 1f, 1f);
    }

    @Test
    void recencyHalvesTheWeightEveryHalfLifeBeforeTheNewestInteraction() {
        float[] weights = ConfidenceWeighting.uniform().withRecencyHalfLifeDays(10).weights(DATA);

        assertThat(weights[0]).isEqualTo(1f);
        assertThat(weights[1]).isCloseTo(0.5f, within(1e-6f));
        assertThat(weights[2]).isCloseTo(0.25f, within(1e-6f));
    }

    @Test
    void eventTypesAndValuesMultiplyTheWeight() {
        ConfidenceWeighting weighting = ConfidenceWeighting.uniform()
                .withEventTypeWeights(Map.of("click", 0.2f), 1f).withEventValues(true);

        assertThat(weighting.weights(DATA)).containsExactly(0.5f, 0.2f, 0.1f);
    }

    @Test
    void rowsBelowTheirTypesEventValueThresholdAreLeftOut() {
        ConfidenceWeighting weighting = ConfidenceWeighting.uniform().withEventTypeMinValues(Map.of("watch", 0.3f));

        assertThat(weighting.weights(DATA)).containsExactly(1f, 1f, 0f);
        assertThat(ConfidenceWeighting.uniform().withEventTypeMinValues(Map.of("click", 0.3f)).weights(DATA))
                .as("a row without a value is kept").containsExactly(1f, 1f, 1f);
    }

    @Test
    void rowsBelowTheEventValueThresholdAreLeftOut() {
        assertThat(ConfidenceWeighting.uniform().withMinEventValue(0.3f).weights(DATA)).containsExactly(1f, 1f, 0f);
    }
}
