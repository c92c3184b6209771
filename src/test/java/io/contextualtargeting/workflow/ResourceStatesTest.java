package io.contextualtargeting.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contextualtargeting.ports.SegmentationService.ResourceState;
import org.junit.jupiter.api.Test;

class ResourceStatesTest {

    @Test
    void anActiveResourceIsTheStepsResult() {
        ResourceState state = new ResourceState("arn:g", "ACTIVE", null);

        assertThat(ResourceStates.requireActive(state, "dataset group")).isSameAs(state);
    }

    @Test
    void aPendingResourceIsRetriedByTheStateMachine() {
        assertThatThrownBy(() -> ResourceStates.requireActive(new ResourceState("arn:g", "CREATE IN_PROGRESS", null), "dataset group"))
                .isInstanceOf(ResourcePendingException.class).hasMessage("dataset group arn:g is still CREATE IN_PROGRESS");
    }

    @Test
    void aFailedResourceSaysWhyAndHowToTryAgain() {
        assertThatThrownBy(() -> ResourceStates.requireActive(new ResourceState("arn:d", "CREATE FAILED", "Invalid schema"), "dataset"))
                .isInstanceOf(ResourceFailedException.class)
                .hasMessageStartingWith("dataset arn:d is CREATE FAILED: Invalid schema. Fix the cause and upload the config again")
                .hasMessageContaining("clean-up workflow (docs/cleanup.md)");
        assertThatThrownBy(() -> ResourceStates.requireActive(new ResourceState("arn:v", "CREATE STOPPED", null), "solution version"))
                .isInstanceOf(ResourceFailedException.class).hasMessageContaining("CREATE STOPPED: no reason given");
    }
}
