package io.contextualtargeting.workflow.training;

/**
 * A training config landed: bucket, key and time of the S3 event, and the Personalize bucket (from
 * the template), the only one a config is taken from.
 */
public record TrainingConfigUploaded(String bucket, String key, String time, String expectedBucket) {
}
