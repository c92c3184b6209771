package io.contextualtargeting.workflow.segments;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The outcome of post-processing one batch segment job: every segment's report and the totals.
 * {@code failure} says which segments failed and why (each error names its file, line and field),
 * for the execution's cause; it is null when none failed.
 */
public record SegmentsSummary(String jobArn, String jobName, String outcome, int failedSegments, String failure,
                              long users, long usersWritten, long endpointsWritten, long usersWithoutEndpoint,
                              long optedOutUsers, List<SegmentReport> segments) {

    /** Failed segments named in {@code failure}; Step Functions keeps at most 32,768 characters of a cause. */
    static final int MAX_CAUSES = 20;

    public static SegmentsSummary of(String jobArn, String jobName, List<SegmentReport> reports) {
        List<SegmentReport> failed = reports.stream().filter(SegmentReport::failed).toList();
        String failure = failed.isEmpty() ? null : failed.size() + " of " + reports.size() + " segments of " + jobName
                + " failed:" + failed.stream().limit(MAX_CAUSES).map(r -> "\n- " + r.name() + " (" + r.query() + "): " + r.error())
                .collect(Collectors.joining()) + (failed.size() > MAX_CAUSES ? "\n- ... and " + (failed.size() - MAX_CAUSES) + " more" : "");
        return new SegmentsSummary(jobArn, jobName, failed.isEmpty() ? "SUCCEEDED" : "FAILED", failed.size(), failure,
                reports.stream().mapToLong(SegmentReport::users).sum(),
                reports.stream().mapToLong(SegmentReport::usersWritten).sum(),
                reports.stream().mapToLong(SegmentReport::endpointsWritten).sum(),
                reports.stream().mapToLong(SegmentReport::usersWithoutEndpoint).sum(),
                reports.stream().mapToLong(SegmentReport::optedOutUsers).sum(),
                List.copyOf(reports));
    }
}
