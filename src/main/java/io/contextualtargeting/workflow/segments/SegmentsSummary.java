package io.contextualtargeting.workflow.segments;

import java.util.List;

/** The outcome of post-processing one batch segment job: every segment's report and the totals. */
public record SegmentsSummary(String jobArn, String jobName, String outcome, int failedSegments,
                              long users, long usersWritten, long endpointsWritten, long usersWithoutEndpoint,
                              long optedOutUsers, List<SegmentReport> segments) {

    public static SegmentsSummary of(String jobArn, String jobName, List<SegmentReport> reports) {
        int failed = (int) reports.stream().filter(SegmentReport::failed).count();
        return new SegmentsSummary(jobArn, jobName, failed == 0 ? "SUCCEEDED" : "FAILED", failed,
                reports.stream().mapToLong(SegmentReport::users).sum(),
                reports.stream().mapToLong(SegmentReport::usersWritten).sum(),
                reports.stream().mapToLong(SegmentReport::endpointsWritten).sum(),
                reports.stream().mapToLong(SegmentReport::usersWithoutEndpoint).sum(),
                reports.stream().mapToLong(SegmentReport::optedOutUsers).sum(),
                List.copyOf(reports));
    }
}
