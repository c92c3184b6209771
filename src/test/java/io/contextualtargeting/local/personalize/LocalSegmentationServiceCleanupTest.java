package io.contextualtargeting.local.personalize;

import static org.assertj.core.api.Assertions.assertThat;

import io.contextualtargeting.ports.ObjectRef;
import io.contextualtargeting.ports.SegmentationService.DatasetGroupContents;
import io.contextualtargeting.ports.SegmentationService.DeletionState;
import io.contextualtargeting.ports.SegmentationService.ResourceKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Deletion in the local Personalize stand-in: Personalize's lifecycle and its rules of what waits for what. */
class LocalSegmentationServiceCleanupTest {
    private final LocalPersonalizeFixture create = new LocalPersonalizeFixture();
    private final LocalSegmentationService personalize = create.personalize();

    @Test
    void contentsListTheGroupsSolutionsDatasetsAndTheirSchemas() {
        LocalPersonalizeFixture.Group bw = create.groupWithDatasetAndSolution("bw");
        create.groupWithDatasetAndSolution("other");

        DatasetGroupContents contents = personalize.datasetGroupContents("bw");

        assertThat(contents).isEqualTo(new DatasetGroupContents("bw", bw.arn(), List.of(bw.solution()), List.of(), List.of(),
                List.of(bw.dataset()), List.of(bw.schema())));
    }

    @Test
    void unknownDatasetGroupHasNoContents() {
        assertThat(personalize.datasetGroupContents("nothing")).isEqualTo(DatasetGroupContents.none("nothing"));
    }

    @Test
    void deletionGoesThroughDeletePendingAndDeleteInProgressThenTheResourceIsGone() {
        String solution = create.solution(create.group("bw"), "bw-affinity");

        List<String> statuses = List.of(personalize.delete(ResourceKind.SOLUTION, solution).status(),
                personalize.delete(ResourceKind.SOLUTION, solution).status(),
                personalize.delete(ResourceKind.SOLUTION, solution).status(),
                personalize.delete(ResourceKind.SOLUTION, solution).status());

        assertThat(statuses).containsExactly("DELETE PENDING", "DELETE IN_PROGRESS", DeletionState.DELETED, DeletionState.DELETED);
        assertThat(personalize.resourceArns()).doesNotContain(solution);
    }

    @Test
    void datasetGroupWaitsUntilItHoldsNothing() {
        String group = create.group("bw");
        String dataset = create.dataset(group, "bw-interactions", create.schema("bw-interactions"));

        DeletionState state = personalize.delete(ResourceKind.DATASET_GROUP, group);

        assertThat(state.status()).isEqualTo("ACTIVE");
        assertThat(state.waitingFor()).contains(dataset);
    }

    @Test
    void datasetWaitsForItsRunningImportJob() {
        String dataset = create.dataset(create.group("bw"), "bw-interactions", create.schema("bw-interactions"));
        personalize.ensureDatasetImportJob(dataset, "bw-import", new ObjectRef("bucket", "interactions.csv"));

        DeletionState state = personalize.delete(ResourceKind.DATASET, dataset);

        assertThat(state.isDeleted()).isFalse();
        assertThat(state.waitingFor()).contains("import job arn:aws:personalize:local:000000000000:dataset-import-job/bw-import");
    }

    @Test
    void solutionVersionInTrainingIsStoppedBeforeItsSolutionIsDeleted() {
        String solution = create.solution(create.group("bw"), "bw-affinity");
        String version = personalize.ensureSolutionVersion(solution, "v1").arn();

        DeletionState stopping = personalize.delete(ResourceKind.SOLUTION, solution);
        String versionAfterStop = personalize.ensureSolutionVersion(solution, "v1").status();
        DeletionState stopped = personalize.delete(ResourceKind.SOLUTION, solution);
        DeletionState deleting = personalize.delete(ResourceKind.SOLUTION, solution);

        assertThat(stopping.waitingFor()).isEqualTo("training to stop: solution versions " + version);
        assertThat(versionAfterStop).isEqualTo("CREATE STOPPED");
        assertThat(stopped.waitingFor()).isNull();
        assertThat(stopped.status()).isEqualTo("DELETE PENDING");
        assertThat(deleting.status()).isEqualTo("DELETE IN_PROGRESS");
    }

    @Test
    void schemaIsDeletedAtOnceUnlessADatasetStillUsesIt() {
        String shared = create.schema("shared-interactions");
        String own = create.schema("own-interactions");
        String otherDataset = create.dataset(create.group("other"), "other-interactions", shared);

        DeletionState kept = personalize.delete(ResourceKind.SCHEMA, shared);
        DeletionState deleted = personalize.delete(ResourceKind.SCHEMA, own);

        assertThat(kept.isDeleted()).isFalse();
        assertThat(kept.waitingFor()).contains("dataset " + otherDataset);
        assertThat(deleted.isDeleted()).isTrue();
        assertThat(personalize.resourceArns()).contains(shared).doesNotContain(own);
    }

    @Test
    void resourceStillBeingCreatedIsNotDeletedYet() {
        String group = personalize.ensureDatasetGroup("bw", null).arn();

        DeletionState state = personalize.delete(ResourceKind.DATASET_GROUP, group);

        assertThat(state).isEqualTo(new DeletionState(group, "CREATE PENDING", "its creation to end"));
    }

    @Test
    void deletedDatasetTakesItsImportJobsAlong() {
        String dataset = create.dataset(create.group("bw"), "bw-interactions", create.schema("bw-interactions"));
        String job = personalize.ensureDatasetImportJob(dataset, "bw-import", new ObjectRef("bucket", "missing.csv")).arn();
        personalize.ensureDatasetImportJob(dataset, "bw-import", new ObjectRef("bucket", "missing.csv"));
        personalize.ensureDatasetImportJob(dataset, "bw-import", new ObjectRef("bucket", "missing.csv"));

        for (int poll = 0; poll < 3; poll++) {
            personalize.delete(ResourceKind.DATASET, dataset);
        }

        assertThat(personalize.resourceArns()).doesNotContain(dataset, job);
    }
}
