package io.contextualtargeting.workflow.segments;

import io.contextualtargeting.workflow.LambdaErrors;
import java.util.List;

/** Input of the summary step: the job and the Map's reports, one per segment. */
public record SummarizeRequest(String jobArn, String jobName, List<SegmentReport> reports) {
    /** The summary; errors caught by the Map arrive as Lambda error causes and are made readable. */
    public SegmentsSummary summarize() {
        List<SegmentReport> readable = reports == null ? List.of() : reports.stream().map(SummarizeRequest::readable).toList();
        return SegmentsSummary.of(jobArn, jobName, readable);
    }

    private static SegmentReport readable(SegmentReport r) {
        if (r.error() == null) {
            return r;
        }
        return new SegmentReport(r.name(), r.query(), r.csv(), r.form(), r.users(), r.usersWritten(), r.endpointsWritten(),
                r.usersWithoutEndpoint(), r.optedOutUsers(), LambdaErrors.readable(r.error()));
    }
}
