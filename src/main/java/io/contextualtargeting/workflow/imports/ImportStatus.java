package io.contextualtargeting.workflow.imports;

import java.util.List;

/**
 * A segment import job as the import workflow tracks it: started (status CREATED) and then polled
 * until Pinpoint reports COMPLETED or FAILED. {@code failures} holds Pinpoint's first failure messages.
 */
public record ImportStatus(String jobId, String segmentName, String source, boolean registerEndpoints,
                           long rows, String status, long totalProcessed, long totalFailures, List<String> failures) {
}
