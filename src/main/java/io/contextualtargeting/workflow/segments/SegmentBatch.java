package io.contextualtargeting.workflow.segments;

import java.util.List;

/** The segments of one batch segment job, as the post-processing Map iterates them. */
public record SegmentBatch(String jobArn, String jobName, List<SegmentFile> segments) {
}
