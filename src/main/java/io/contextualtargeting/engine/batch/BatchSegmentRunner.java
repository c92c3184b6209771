package io.contextualtargeting.engine.batch;

import io.contextualtargeting.engine.segment.SegmentModel;
import io.contextualtargeting.engine.segment.UnanswerableQueryException;
import io.contextualtargeting.formats.batch.BatchInput;
import io.contextualtargeting.formats.batch.BatchSegmentSummary;
import io.contextualtargeting.formats.batch.BatchSegmentWriter;
import io.contextualtargeting.formats.data.DataSource;
import io.contextualtargeting.formats.query.QueryException;
import io.contextualtargeting.formats.query.QueryFileReader;
import io.contextualtargeting.formats.query.QueryLimits;
import io.contextualtargeting.formats.query.QueryLine;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a batch segment job on a trained model, as Personalize's CreateBatchSegmentJob does: the
 * whole input is validated first (a malformed line fails the job), then every line is answered in
 * input order; a line the model cannot answer gets its error and the others are still answered.
 */
public final class BatchSegmentRunner {

    private BatchSegmentRunner() {
    }

    /**
     * @param numResults users per segment (Personalize: 1 to 5,000,000 unless the limits are lifted)
     */
    public static BatchSegmentSummary run(SegmentModel model, DataSource queries, OutputStream out, int numResults,
                                          QueryLimits limits) throws IOException {
        checkNumResults(numResults, limits);
        List<QueryLine> lines = QueryFileReader.read(queries, model.itemColumns(), limits);
        int answered = 0;
        List<BatchSegmentSummary.FailedLine> failures = new ArrayList<>();
        try (BatchSegmentWriter writer = new BatchSegmentWriter(out)) {
            for (QueryLine line : lines) {
                BatchInput input = BatchInput.of(line.query());
                int[] users;
                try {
                    users = model.topUsers(line.query(), numResults);
                } catch (UnanswerableQueryException e) {
                    writer.writeError(input, e.problem());
                    failures.add(new BatchSegmentSummary.FailedLine(line.line(), input, e.problem()));
                    continue;
                }
                writer.writeUsers(input, users, model.users()::id);
                answered++;
            }
        }
        return new BatchSegmentSummary(answered, failures);
    }

    /** Fails unless {@code numResults} is a segment size the job accepts. */
    public static void checkNumResults(int numResults, QueryLimits limits) {
        if (numResults < 1 || numResults > limits.maxNumResults()) {
            throw new QueryException("batch segment job", 0, "numResults",
                    "must be between 1 and " + limits.maxNumResults() + ", got " + numResults);
        }
    }
}
