package io.contextualtargeting.workflow.imports;

import io.contextualtargeting.formats.PersonalData;
import io.contextualtargeting.ports.EngagementPlatform.ImportJob;
import io.contextualtargeting.ports.EngagementPlatform;
import io.contextualtargeting.workflow.ResourcePendingException;
import java.util.List;

/**
 * Reads an import job's status. While Pinpoint is still working the step fails with
 * ResourcePendingException, which the state machine retries with bounded backoff.
 */
public final class CheckSegmentImport {
    /** How many of Pinpoint's failure messages travel on (the state is limited to 256 KiB). */
    static final int MAX_FAILURES = 20;

    private final EngagementPlatform pinpoint;

    public CheckSegmentImport(EngagementPlatform pinpoint) {
        this.pinpoint = pinpoint;
    }

    public ImportStatus run(ImportStatus started) {
        ImportJob job = pinpoint.getImportJob(started.jobId());
        if (!job.isCompleted() && !job.isFailed()) {
            throw new ResourcePendingException("import job " + job.id() + " of segment " + started.segmentName()
                    + " is still " + job.status());
        }
        List<String> failures = job.failures() == null ? List.of()
                : job.failures().stream().limit(MAX_FAILURES).map(PersonalData::mask).toList();
        return new ImportStatus(started.jobId(), started.segmentName(), started.source(), started.registerEndpoints(),
                started.rows(), job.status(), job.totalProcessed(), job.totalFailures(), failures);
    }
}
