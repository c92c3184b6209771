package io.contextualtargeting.workflow.imports;

import io.contextualtargeting.ports.EngagementPlatform;
import io.contextualtargeting.ports.EngagementPlatform.ImportJob;
import io.contextualtargeting.ports.EngagementPlatform.ImportJobRequest;
import io.contextualtargeting.ports.ObjectRef;
import io.contextualtargeting.ports.ObjectStore;
import io.contextualtargeting.workflow.S3Keys;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Starts the Pinpoint import of a segment file that landed under the segment import prefix. The
 * whole file is checked first: a file with a bad row is never handed to Pinpoint, so no segment is
 * ever half-imported. The segment is named after the file, as in the reference solution.
 */
public final class StartSegmentImport {
    private final ObjectStore store;
    private final EngagementPlatform pinpoint;
    private final SegmentFileReader reader = new SegmentFileReader();

    public StartSegmentImport(ObjectStore store, EngagementPlatform pinpoint) {
        this.store = store;
        this.pinpoint = pinpoint;
    }

    public ImportStatus run(SegmentFileLanded landed) {
        ObjectRef file = S3Keys.requireUnder(S3Keys.fromEvent(store, landed.bucket(), landed.key()),
                landed.expectedBucket(), landed.expectedPrefix(), ".csv", "a segment file");
        SegmentFileReader.Summary summary;
        try (InputStream in = store.read(file)) {
            summary = reader.read(file.url(), in, row -> { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        boolean register = summary.kind() == SegmentFileReader.Kind.NEW_ENDPOINTS;
        ImportJob job = pinpoint.createImportJob(new ImportJobRequest(file, file.fileName(), true, register));
        return new ImportStatus(job.id(), file.fileName(), file.url(), register, summary.rows(), job.status(),
                job.totalProcessed(), job.totalFailures(), List.of());
    }
}
