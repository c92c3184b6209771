package io.contextualtargeting.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.contextualtargeting.engine.generate.DatasetGenerator;
import io.contextualtargeting.engine.generate.DatasetLayout;
import io.contextualtargeting.engine.generate.GeneratorSettings;
import io.contextualtargeting.engine.model.TrainingParameters;
import io.contextualtargeting.engine.segment.ExplicitSettings;
import io.contextualtargeting.engine.segment.QuerySample;
import io.contextualtargeting.formats.data.DataSource;
import io.contextualtargeting.formats.data.SchemaReader;
import io.contextualtargeting.formats.data.TrainingData;
import io.contextualtargeting.formats.data.TrainingDataReader;
import io.contextualtargeting.formats.query.QueryKind;
import io.contextualtargeting.formats.query.SegmentQuery;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On a small generated dataset (3,000 users, 600 items), the engine's segments beat every baseline's. */
class EngineQualityTest {

    @Test
    void engineBeatsEveryBaselineForItemAndAttributeQueriesAtOneAndTenPercent(@TempDir Path dir) throws IOException {
        DatasetLayout layout = new DatasetGenerator().generate(GeneratorSettings.of(3_000, 600, 42).withThreads(2), dir).layout();
        TrainingData data = TrainingDataReader.read(DataSource.ofFile(layout.interactions()),
                Optional.of(DataSource.ofFile(layout.items())), Optional.empty(),
                SchemaReader.fromTrainingConfig(DataSource.ofFile(layout.trainingConfig())));
        HoldOutSplit split = HoldOutSplit.byTime(data, 0.8);
        List<SegmentQuery> queries = new ArrayList<>(QuerySample.items(split.training(), 100));
        queries.addAll(QuerySample.attributes(split.training(), 20));

        Evaluation evaluation = HoldOutEvaluator.evaluate(split, queries, StandardMethods.train(split.training(),
                TrainingParameters.defaults().withThreads(2), ExplicitSettings.none()));

        for (QueryKind kind : QueryKind.values()) {
            List<MethodResult> results = evaluation.results(kind);
            assertThat(results).extracting(MethodResult::method).containsExactly(StandardMethods.ENGINE,
                    StandardMethods.RECENT_HISTORY, StandardMethods.HISTORY, StandardMethods.MOST_ACTIVE,
                    StandardMethods.LAST_ACTIVE, Evaluation.RANDOM);
            for (double share : new double[] {0.01, 0.10}) {
                int f = evaluation.shareIndex(share);
                for (MethodResult baseline : results.subList(1, results.size())) {
                    assertThat(results.get(0).recall()[f]).as("%s at %s against %s", kind.label(),
                            evaluation.shareLabel(f), baseline.method()).isGreaterThan(baseline.recall()[f]);
                }
            }
        }
        List<MethodResult> items = evaluation.results(QueryKind.ITEM);
        int one = evaluation.shareIndex(0.01);
        double bestBaseline = items.subList(1, items.size()).stream().mapToDouble(r -> r.recall()[one]).max().orElseThrow();
        assertThat(items.get(0).recall()[one]).as("the issue's item target").isGreaterThan(1.3 * bestBaseline);
    }
}
