package io.contextualtargeting.workflow.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contextualtargeting.ports.EngagementPlatform;
import io.contextualtargeting.workflow.ResourcePendingException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CheckSegmentImportTest {
    private final ImportStatus started = new ImportStatus("job-1", "seg.csv", "s3://b/pinpoint/seg.csv", false, 3, "CREATED", 0, 0, List.of());

    /** Pinpoint at the edge: answers with a fixed job. */
    private static EngagementPlatform answering(EngagementPlatform.ImportJob job) {
        return new EngagementPlatform() {
            @Override
            public ImportJob createImportJob(ImportJobRequest request) {
                throw new AssertionError("not called");
            }

            @Override
            public ImportJob getImportJob(String jobId) {
                return job;
            }

            @Override
            public List<Endpoint> userEndpoints(String userId) {
                throw new AssertionError("not called");
            }
        };
    }

    @Test
    void aRunningImportIsPending() {
        var step = new CheckSegmentImport(answering(new EngagementPlatform.ImportJob("job-1", "PROCESSING", null, 0, 0, List.of())));

        assertThatThrownBy(() -> step.run(started)).isInstanceOf(ResourcePendingException.class)
                .hasMessage("import job job-1 of segment seg.csv is still PROCESSING");
    }

    @Test
    void aFinishedImportCarriesAFewRedactedFailures() {
        List<String> failures = IntStream.range(0, 50).mapToObj(i -> "row " + i + ": bad address jane.doe@example.com").toList();
        var step = new CheckSegmentImport(answering(new EngagementPlatform.ImportJob("job-1", "FAILED", null, 50, 50, failures)));

        ImportStatus status = step.run(started);

        assertThat(status.status()).isEqualTo("FAILED");
        assertThat(status.totalFailures()).isEqualTo(50);
        assertThat(status.failures()).hasSize(CheckSegmentImport.MAX_FAILURES)
                .allSatisfy(f -> assertThat(f).doesNotContain("@").endsWith("<e-mail address>"));
        assertThat(status.segmentName()).isEqualTo("seg.csv");
    }
}
