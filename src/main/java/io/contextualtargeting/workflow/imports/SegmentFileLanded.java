package io.contextualtargeting.workflow.imports;

/**
 * A file landed in the segment import bucket: the bucket and (URL-encoded) key from the S3 event,
 * and where segment files are expected, from the template.
 */
public record SegmentFileLanded(String bucket, String key, String expectedBucket, String expectedPrefix) {
}
