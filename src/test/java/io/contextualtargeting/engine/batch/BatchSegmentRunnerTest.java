package io.contextualtargeting.engine.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contextualtargeting.engine.PlantedTastes;
import io.contextualtargeting.engine.model.TrainingParameters;
import io.contextualtargeting.engine.segment.SegmentModel;
import io.contextualtargeting.engine.segment.SegmentModelTrainer;
import io.contextualtargeting.formats.batch.BatchInput;
import io.contextualtargeting.formats.batch.BatchSegmentOutputReader;
import io.contextualtargeting.formats.batch.BatchSegmentSummary;
import io.contextualtargeting.formats.batch.RecordingVisitor;
import io.contextualtargeting.formats.data.DataSource;
import io.contextualtargeting.formats.query.QueryException;
import io.contextualtargeting.formats.query.QueryLimits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchSegmentRunnerTest {
    private static final SegmentModel MODEL = SegmentModelTrainer.train(new PlantedTastes(20, 10, 5, 1).read(),
            TrainingParameters.defaults().withFactors(4).withIterations(3));

    @Test
    void lineWithUnknownItemGetsAnErrorAndTheOthersAreAnswered() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        BatchSegmentSummary summary = BatchSegmentRunner.run(MODEL, DataSource.ofText("job_config.json", """
                {"itemId": "a1"}
                {"itemId": "unknown"}
                {"itemAttributes": "ITEMS.GENRES = \\"Drama\\""}
                """), out, 3, QueryLimits.PERSONALIZE);

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("{\"input\": {\"itemId\": \"a1\"}, \"output\": {\"usersList\": [\"auser");
        assertThat(lines.get(1)).isEqualTo("{\"input\": {\"itemId\": \"unknown\"}, \"output\": null,"
                + " \"error\": \"item 'unknown' is not in the training data\"}");
        assertThat(lines.get(2)).startsWith("{\"input\": {\"itemAttributes\": \"ITEMS.GENRES = \\\"Drama\\\"\"}, \"output\": {\"usersList\": [\"duser");
        assertThat(summary.answered()).isEqualTo(2);
        assertThat(summary.failures()).containsExactly(new BatchSegmentSummary.FailedLine(2,
                new BatchInput("itemId", "unknown"), "item 'unknown' is not in the training data"));
    }

    @Test
    void answersHaveNumResultsUsersEach() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        BatchSegmentRunner.run(MODEL, DataSource.ofText("q.json", "{\"itemId\": \"d2\"}\n"), out, 7, QueryLimits.PERSONALIZE);

        RecordingVisitor visitor = new RecordingVisitor();
        BatchSegmentOutputReader.read(DataSource.ofText("q.json.out", out.toString(StandardCharsets.UTF_8)), visitor);
        assertThat(visitor.events).last().isEqualTo("1 end 7 users, error null");
    }

    @Test
    void malformedQueryFailsTheWholeJobBeforeAnyOutput() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThatThrownBy(() -> BatchSegmentRunner.run(MODEL, DataSource.ofText("q.json",
                "{\"itemId\": \"a1\"}\n{\"itemAttributes\": \"ITEMS.GENRES IN (\\\"A\\\")\"}\n"), out, 5, QueryLimits.PERSONALIZE))
                .isInstanceOf(QueryException.class)
                .hasMessageStartingWith("q.json, line 2, field itemAttributes: at position 13: IN is not supported");
        assertThat(out.size()).isZero();
    }

    @Test
    void numResultsOutsidePersonalizesRangeIsRejected() {
        assertThatThrownBy(() -> BatchSegmentRunner.checkNumResults(5_000_001, QueryLimits.PERSONALIZE))
                .hasMessage("batch segment job, field numResults: must be between 1 and 5000000, got 5000001");
        assertThatThrownBy(() -> BatchSegmentRunner.checkNumResults(0, QueryLimits.NONE))
                .isInstanceOf(QueryException.class);
    }
}
