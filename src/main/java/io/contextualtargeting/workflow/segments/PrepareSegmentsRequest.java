package io.contextualtargeting.workflow.segments;

/** The finished batch segment job to post-process (from the "Batch Segment Job State Change" event). */
public record PrepareSegmentsRequest(String jobArn) {
}
