package io.contextualtargeting.workflow.segments;

/** One iteration of the post-processing Map: a segment and where (and in which form) to write its file. */
public record WriteSegmentRequest(SegmentFile segment, String importBucket, String importPrefix, String fileForm) {
}
