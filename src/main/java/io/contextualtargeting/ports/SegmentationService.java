package io.contextualtargeting.ports;

import java.util.Map;

/**
 * The segmentation service: Amazon Personalize on AWS, the embedded engine locally.
 *
 * <p>Every {@code ensure*} call is describe-or-create by name: calling it again with the same
 * arguments returns the existing resource and its current status, never an "already exists"
 * failure. A resource that is still being created comes back with a pending status; callers poll
 * by calling again.
 */
public interface SegmentationService {

    ResourceState ensureDatasetGroup(String name, String domain);

    ResourceState ensureSchema(String name, String avroSchemaJson, String domain);

    ResourceState ensureDataset(String datasetGroupArn, DatasetType type, String name, String schemaArn);

    /** Imports a CSV file (or every file under a prefix ending in /) into a dataset. */
    ResourceState ensureDatasetImportJob(String datasetArn, String jobName, ObjectRef data);

    ResourceState ensureSolution(String datasetGroupArn, String name, String recipeArn,
                                 Map<String, String> hyperparameters);

    /** Trains a version of the solution; {@code name} makes repeated calls find the same version. */
    ResourceState ensureSolutionVersion(String solutionArn, String name);

    /** Metrics of a trained solution version, named as Personalize names them. */
    Map<String, Double> solutionVersionMetrics(String solutionVersionArn);

    ResourceState ensureBatchSegmentJob(BatchSegmentJobRequest request);

    BatchSegmentJobDescription describeBatchSegmentJob(String batchSegmentJobArn);

    enum DatasetType { INTERACTIONS, ITEMS, USERS }

    /** Where a resource is in Personalize's lifecycle. */
    record ResourceState(String arn, String status, String failureReason) {
        public boolean isActive() {
            return "ACTIVE".equals(status);
        }

        public boolean isFailed() {
            return status != null && (status.endsWith("FAILED") || status.endsWith("STOPPED"));
        }
    }

    record BatchSegmentJobRequest(String jobName, String solutionVersionArn, ObjectRef input,
                                  ObjectRef outputPrefix, int numResults, String filterArn) {
    }

    record BatchSegmentJobDescription(String arn, String jobName, String status, String failureReason,
                                      String solutionVersionArn, ObjectRef input, ObjectRef outputPrefix,
                                      int numResults) {
    }
}
