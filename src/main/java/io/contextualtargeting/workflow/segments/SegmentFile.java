package io.contextualtargeting.workflow.segments;

/**
 * One query of a batch segment job, split out of the job output: its segment name and the object
 * holding its users (one id per line, best first). {@code error} is set when Personalize could not
 * answer the query; such a segment is reported, never written.
 */
public record SegmentFile(int index, String name, String query, String users, long userCount, String error) {
}
