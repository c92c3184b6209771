package io.contextualtargeting.ports;

import static org.assertj.core.api.Assertions.assertThat;

import io.contextualtargeting.ports.EngagementPlatform.ImportJob;
import io.contextualtargeting.ports.SegmentationService.ResourceState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Statuses are parsed from the services' text and written back unchanged; an unknown text is said so. */
class StatusesTest {

    @Test
    void personalizeStatusesRoundTrip() {
        for (ResourceStatus status : ResourceStatus.values()) {
            if (status != ResourceStatus.UNKNOWN) {
                assertThat(ResourceStatus.of(status.wire())).isEqualTo(status);
                assertThat(ResourceState.of("arn", status, null).status()).isEqualTo(status.wire());
            }
        }
        assertThat(ResourceStatus.CREATE_IN_PROGRESS.wire()).isEqualTo("CREATE IN_PROGRESS");
    }

    @Test
    void unknownStatusesAreNeitherActiveNorFailed() {
        ResourceState state = new ResourceState("arn", "SOMETHING NEW", null);
        assertThat(state.lifecycle()).isEqualTo(ResourceStatus.UNKNOWN);
        assertThat(state.isActive()).isFalse();
        assertThat(state.isFailed()).isFalse();
        assertThat(state.status()).isEqualTo("SOMETHING NEW");
        assertThat(new ResourceState("arn", "CREATE STOPPED", null).isFailed()).isTrue();
        assertThat(new ResourceState("arn", "CREATE FAILED", null).isFailed()).isTrue();
    }

    @Test
    void pinpointStatuses() {
        assertThat(new ImportJob("j", "COMPLETED", null, 1, 0, List.of()).isCompleted()).isTrue();
        assertThat(new ImportJob("j", "FAILED", null, 1, 0, List.of()).isFailed()).isTrue();
        assertThat(ImportJobStatus.of("NEW STATE")).isEqualTo(ImportJobStatus.UNKNOWN);
        assertThat(ImportJobStatus.of(null)).isEqualTo(ImportJobStatus.UNKNOWN);
    }
}
