package io.contextualtargeting.ports;

import java.util.List;
import java.util.Map;

/**
 * The segmentation service: Amazon Personalize, or the embedded engine in the functions
 * ({@code SegmentationEngine=Embedded}) on AWS; the Personalize stand-in or that same engine locally.
 *
 * <p>Every {@code ensure*} call is describe-or-create by name: calling it again with the same
 * arguments returns the existing resource and its current status, never an "already exists"
 * failure. A resource that is still being created comes back with a pending status; callers poll
 * by calling again.
 *
 * <p>Clean-up is the reverse: {@link #datasetGroupContents} finds what a dataset group holds, and
 * {@link #delete} deletes one resource at a time, in the order Personalize requires, polled the same
 * way until each is gone.
 */
public interface SegmentationService {

    ResourceState ensureDatasetGroup(String name, String domain);

    ResourceState ensureSchema(String name, String avroSchemaJson, String domain);

    ResourceState ensureDataset(String datasetGroupArn, DatasetType type, String name, String schemaArn);

    /** Imports a CSV file (or every file under a prefix ending in /) into a dataset. */
    ResourceState ensureDatasetImportJob(String datasetArn, String jobName, ObjectRef data);

    /** @param settings how it trains: Personalize's solutionConfig members, and the embedded engine's own block */
    ResourceState ensureSolution(String datasetGroupArn, String name, String recipeArn, SolutionSettings settings);

    /** Trains a version of the solution; {@code name} makes repeated calls find the same version. */
    ResourceState ensureSolutionVersion(String solutionArn, String name);

    /** Metrics of a trained solution version, named as Personalize names them. */
    Map<String, Double> solutionVersionMetrics(String solutionVersionArn);

    ResourceState ensureBatchSegmentJob(BatchSegmentJobRequest request);

    BatchSegmentJobDescription describeBatchSegmentJob(String batchSegmentJobArn);

    /**
     * What clean-up deletes of the dataset group with this name, found before anything is deleted
     * (a dataset's schema can no longer be found once the dataset is gone); {@link
     * DatasetGroupContents#none} when no dataset group has that name.
     */
    DatasetGroupContents datasetGroupContents(String datasetGroupName);

    /**
     * Deletes a resource, or reports how far its deletion is: idempotent, callers poll by calling
     * again until it is {@link DeletionState#isDeleted() deleted}. A resource that no longer exists
     * is deleted. Deletion is asynchronous except for schemas (DELETE PENDING, DELETE IN_PROGRESS,
     * then gone). A resource still being created, or still needed by another (a dataset while one
     * of its import jobs runs, a schema that a dataset uses, a dataset group that still holds
     * resources), is not deleted yet and says what it waits for. Deleting a solution deletes its
     * versions with it, and first stops those still training.
     */
    DeletionState delete(ResourceKind kind, String arn);

    enum DatasetType { INTERACTIONS, ITEMS, USERS }

    /** The kinds of resources clean-up deletes, in the order it deletes them. */
    enum ResourceKind {
        SOLUTION("solution"), FILTER("filter"), EVENT_TRACKER("event tracker"), DATASET("dataset"),
        SCHEMA("schema"), DATASET_GROUP("dataset group");

        private final String noun;

        ResourceKind(String noun) {
            this.noun = noun;
        }

        /** How a message names a resource of this kind. */
        public String noun() {
            return noun;
        }
    }

    /** The ARNs of what a dataset group holds that clean-up deletes; {@code arn} null: no such group. */
    record DatasetGroupContents(String name, String arn, List<String> solutionArns, List<String> filterArns,
                                List<String> eventTrackerArns, List<String> datasetArns, List<String> schemaArns) {
        public DatasetGroupContents {
            solutionArns = solutionArns == null ? List.of() : List.copyOf(solutionArns);
            filterArns = filterArns == null ? List.of() : List.copyOf(filterArns);
            eventTrackerArns = eventTrackerArns == null ? List.of() : List.copyOf(eventTrackerArns);
            datasetArns = datasetArns == null ? List.of() : List.copyOf(datasetArns);
            schemaArns = schemaArns == null ? List.of() : List.copyOf(schemaArns);
        }

        public static DatasetGroupContents none(String name) {
            return new DatasetGroupContents(name, null, List.of(), List.of(), List.of(), List.of(), List.of());
        }
    }

    /**
     * How far a resource's deletion is: {@value #DELETED} (gone), or its Personalize status and,
     * when its deletion cannot start yet, what it waits for.
     */
    record DeletionState(String arn, String status, String waitingFor) {
        /** Not a Personalize status: the resource no longer exists. */
        public static final String DELETED = "DELETED";

        public static DeletionState deleted(String arn) {
            return new DeletionState(arn, DELETED, null);
        }

        /** A resource that still exists, in {@code status}; {@code waitingFor} null when its deletion is under way. */
        public static DeletionState of(String arn, ResourceStatus status, String waitingFor) {
            return new DeletionState(arn, status.wire(), waitingFor);
        }

        public boolean isDeleted() {
            return DELETED.equals(status);
        }
    }

    /** Where a resource is in Personalize's lifecycle; {@code status} is Personalize's text of it. */
    record ResourceState(String arn, String status, String failureReason) {
        public static ResourceState of(String arn, ResourceStatus status, String failureReason) {
            return new ResourceState(arn, status.wire(), failureReason);
        }

        public ResourceStatus lifecycle() {
            return ResourceStatus.of(status);
        }

        public boolean isActive() {
            return lifecycle() == ResourceStatus.ACTIVE;
        }

        public boolean isFailed() {
            return lifecycle().isFailed();
        }
    }

    record BatchSegmentJobRequest(String jobName, String solutionVersionArn, ObjectRef input,
                                  ObjectRef outputPrefix, int numResults, String filterArn) {
    }

    record BatchSegmentJobDescription(String arn, String jobName, String status, String failureReason,
                                      String solutionVersionArn, ObjectRef input, ObjectRef outputPrefix,
                                      int numResults) {
        public ResourceStatus lifecycle() {
            return ResourceStatus.of(status);
        }
    }
}
