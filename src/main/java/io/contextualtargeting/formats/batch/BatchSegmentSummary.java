package io.contextualtargeting.formats.batch;

import java.util.List;

/** What a batch segment job did: lines answered, lines failed with their errors. */
public record BatchSegmentSummary(int answered, List<FailedLine> failures) {

    public BatchSegmentSummary {
        failures = List.copyOf(failures);
    }

    public int failed() {
        return failures.size();
    }

    /** An input line that got an error instead of users. */
    public record FailedLine(long line, BatchInput input, String error) {
    }
}
