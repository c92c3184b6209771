package io.contextualtargeting.ports;

import java.util.List;

/**
 * Where segments are used to reach people: Amazon Pinpoint on AWS, a local endpoint and segment
 * store in local mode.
 */
public interface EngagementPlatform {

    /** Starts an import of a CSV segment file (endpoint {@code Id}s, {@code User.UserId}s or new endpoints). */
    ImportJob createImportJob(ImportJobRequest request);

    ImportJob getImportJob(String jobId);

    /** All endpoints of one user id; empty when the user has none. */
    List<Endpoint> userEndpoints(String userId);

    record ImportJobRequest(ObjectRef source, String segmentName, boolean defineSegment, boolean registerEndpoints) {
    }

    /**
     * An import job. {@code status} is Pinpoint's job status (CREATED ... COMPLETED, FAILING, FAILED).
     */
    record ImportJob(String id, String status, String segmentId, int totalProcessed, int totalFailures,
                     List<String> failures) {
        public ImportJobStatus lifecycle() {
            return ImportJobStatus.of(status);
        }

        public boolean isCompleted() {
            return lifecycle() == ImportJobStatus.COMPLETED;
        }

        public boolean isFailed() {
            return lifecycle() == ImportJobStatus.FAILED;
        }
    }

    /** One endpoint of a user. {@code optedOut} is Pinpoint's {@code OptOut == ALL}. */
    record Endpoint(String id, String channelType, boolean optedOut, boolean active) {
    }
}
