package io.contextualtargeting.workflow.cleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contextualtargeting.local.personalize.LocalPersonalizeFixture;
import io.contextualtargeting.local.personalize.LocalSegmentationService;
import io.contextualtargeting.ports.SegmentationService.DatasetGroupContents;
import io.contextualtargeting.ports.SegmentationService.ResourceKind;
import io.contextualtargeting.workflow.ResourcePendingException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The clean-up steps against the local Personalize stand-in, polled as the state machine polls them. */
class CleanupStepsTest {
    private final LocalPersonalizeFixture create = new LocalPersonalizeFixture();
    private final LocalSegmentationService personalize = create.personalize();
    private final CleanupSteps steps = new CleanupSteps(personalize);

    @Test
    void datasetsAreNotTouchedWhileASolutionRemains() {
        LocalPersonalizeFixture.Group bw = create.groupWithDatasetAndSolution("bw");
        DatasetGroupContents contents = steps.findResources(new CleanupRequest("bw"));

        assertThatThrownBy(() -> steps.deleteResources(contents))
                .isInstanceOf(ResourcePendingException.class)
                .hasMessage("clean-up of dataset group bw waits for 1 deletion: solution " + bw.solution() + " is DELETE PENDING");
        assertThat(personalize.delete(ResourceKind.DATASET, bw.dataset()).status())
                .as("the dataset's own deletion starts only now").isEqualTo("DELETE PENDING");
    }

    @Test
    void pollingUntilDoneDeletesEverythingAndReportsItInPersonalizesOrder() {
        LocalPersonalizeFixture.Group bw = create.groupWithDatasetAndSolution("bw");
        DatasetGroupContents contents = steps.findResources(new CleanupRequest("bw"));

        CleanupReport report = pollUntilDone(contents);

        assertThat(report).isEqualTo(new CleanupReport("bw", bw.arn(),
                List.of(bw.solution(), bw.dataset(), bw.schema(), bw.arn()), List.of()));
        assertThat(personalize.resourceArns()).isEmpty();
    }

    @Test
    void schemaThatAnotherGroupsDatasetUsesIsKeptAndReported() {
        String shared = create.schema("shared-interactions");
        String group = create.group("bw");
        String dataset = create.dataset(group, "bw-interactions", shared);
        String other = create.dataset(create.group("other"), "other-interactions", shared);
        DatasetGroupContents contents = steps.findResources(new CleanupRequest("bw"));

        CleanupReport report = pollUntilDone(contents);

        assertThat(report.deleted()).containsExactly(dataset, group);
        assertThat(report.keptSchemas()).containsExactly(shared);
        assertThat(personalize.resourceArns()).contains(shared, other);
    }

    @Test
    void datasetGroupThatDoesNotExistIsReportedWithNothingDeleted() {
        DatasetGroupContents contents = steps.findResources(new CleanupRequest("never-trained"));

        assertThat(steps.deleteResources(contents)).isEqualTo(new CleanupReport("never-trained", null, List.of(), List.of()));
    }

    @Test
    void missingDatasetGroupIsAnInputErrorNamingTheField() {
        assertThatThrownBy(() -> steps.findResources(new CleanupRequest(" ")))
                .isInstanceOfSatisfying(InvalidCleanupRequestException.class, e -> assertThat(e.field()).isEqualTo("datasetGroup"))
                .hasMessageStartingWith("clean-up execution input, field datasetGroup: is missing");
    }

    @Test
    void nameThatPersonalizeWouldRejectIsAnInputError() {
        assertThatThrownBy(() -> steps.findResources(new CleanupRequest("bingewatch/../x")))
                .isInstanceOf(InvalidCleanupRequestException.class)
                .hasMessageContaining("'bingewatch/../x' is not a dataset group name");
    }

    /** Calls the step as the state machine's Retry does, until it stops being pending. */
    private CleanupReport pollUntilDone(DatasetGroupContents contents) {
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                return steps.deleteResources(contents);
            } catch (ResourcePendingException pending) {
                // polled again, as Retry would
            }
        }
        throw new AssertionError("clean-up still pending after 20 polls");
    }
}
