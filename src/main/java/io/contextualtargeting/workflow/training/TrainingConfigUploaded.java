package io.contextualtargeting.workflow.training;

/** A training config landed in the Personalize bucket: bucket, key and time of the S3 event. */
public record TrainingConfigUploaded(String bucket, String key, String time) {
}
