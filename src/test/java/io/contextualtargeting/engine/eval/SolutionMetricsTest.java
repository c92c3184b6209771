package io.contextualtargeting.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.contextualtargeting.engine.generate.DatasetGenerator;
import io.contextualtargeting.engine.generate.DatasetLayout;
import io.contextualtargeting.engine.generate.GeneratorSettings;
import io.contextualtargeting.engine.model.TrainingParameters;
import io.contextualtargeting.formats.data.CsvData;
import io.contextualtargeting.formats.data.DataSource;
import io.contextualtargeting.formats.data.SchemaReader;
import io.contextualtargeting.formats.data.TrainingData;
import io.contextualtargeting.formats.data.TrainingDataReader;
import io.contextualtargeting.formats.query.QueryKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SolutionMetricsTest {
    private static final TrainingParameters PARAMETERS = TrainingParameters.defaults().withFactors(16).withThreads(2);
    private static TrainingData data;

    @BeforeAll
    static void generate(@TempDir Path dir) throws IOException {
        DatasetLayout layout = new DatasetGenerator().generate(GeneratorSettings.of(1_500, 300, 3).withThreads(2), dir).layout();
        data = TrainingDataReader.read(DataSource.ofFile(layout.interactions()), Optional.of(DataSource.ofFile(layout.items())),
                Optional.empty(), SchemaReader.fromTrainingConfig(DataSource.ofFile(layout.trainingConfig())));
    }

    @Test
    void itemAffinityMetricsAreThoseOfItsHeldOutSegmentsAndWellAboveChance() {
        Map<String, Double> metrics = SolutionMetrics.measure(data, PARAMETERS).get(QueryKind.ITEM);

        HoldOutSplit split = HoldOutSplit.byTime(data, 0.8);
        assertThat(metrics).containsOnlyKeys("hits_at_1_percent", "recall_at_1_percent", "coverage");
        assertThat(metrics.get("hits_at_1_percent")).isBetween(0.0, (double) split.segmentSize(0.01));
        assertThat(metrics.get("recall_at_1_percent")).as("a random 1 %% segment has about 1 %% recall").isGreaterThan(0.05);
        assertThat(metrics.get("coverage")).isGreaterThan(0.01).isLessThanOrEqualTo(1.0);
    }

    @Test
    void attributeAffinityMetricsComeFromAttributeQueries() {
        Map<String, Double> metrics = SolutionMetrics.measure(data, PARAMETERS).get(QueryKind.ATTRIBUTE);

        assertThat(metrics.get("recall_at_1_percent")).isGreaterThan(0.5);
        assertThat(metrics.get("coverage")).isLessThan(SolutionMetrics.ATTRIBUTE_QUERIES * 0.01 + 1e-9);
    }

    @Test
    void dataThatCannotBeSplitInTimeHasNoMetrics() {
        TrainingData oneSecond = CsvData.read("ITEM_ID,GENRES\ni1,Drama\n", "u1,i1,5", "u2,i1,5", "u3,i1,5");

        assertThat(SolutionMetrics.measure(oneSecond, PARAMETERS).get(QueryKind.ITEM)).isEmpty();
    }
}
