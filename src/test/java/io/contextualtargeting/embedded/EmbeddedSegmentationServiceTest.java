package io.contextualtargeting.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contextualtargeting.engine.model.TrainingParameters;
import io.contextualtargeting.local.personalize.LocalPersonalizeFixture;
import io.contextualtargeting.local.personalize.LocalSegmentationService;
import io.contextualtargeting.local.store.FolderObjectStore;
import io.contextualtargeting.ports.ObjectRef;
import io.contextualtargeting.ports.SegmentationService;
import io.contextualtargeting.ports.SegmentationService.BatchSegmentJobRequest;
import io.contextualtargeting.ports.SegmentationService.DatasetGroupContents;
import io.contextualtargeting.ports.SegmentationService.DatasetType;
import io.contextualtargeting.ports.SegmentationService.ResourceKind;
import io.contextualtargeting.ports.SegmentationService.ResourceState;
import io.contextualtargeting.ports.SolutionSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded engine as the functions run it: every call is a new service on the same bucket (as
 * each Lambda invocation may be), resources are ACTIVE at once, and the batch segment job's output
 * is byte for byte the local Personalize stand-in's on the same data.
 */
class EmbeddedSegmentationServiceTest {
    private static final String BUCKET = "bkt";
    private static final String ITEM_AFFINITY = "arn:aws:personalize:::recipe/aws-item-affinity";
    private static final String SCHEMA = """
            {"type": "record", "name": "Interactions", "fields": [
              {"name": "USER_ID", "type": "string"}, {"name": "ITEM_ID", "type": "string"}, {"name": "TIMESTAMP", "type": "long"}]}
            """;
    private static final TrainingParameters TRAINING = TrainingParameters.defaults().withIterations(2).withThreads(1);
    private static final ObjectRef INTERACTIONS = new ObjectRef(BUCKET, "train/g/interactions.csv");
    private static final ObjectRef QUERIES = new ObjectRef(BUCKET, "batch/g/s/job_config.json");
    private static final ObjectRef OUTPUT = new ObjectRef(BUCKET, "batch/g/s/out/");

    @TempDir
    Path root;
    private FolderObjectStore store;

    @BeforeEach
    void upload() {
        store = new FolderObjectStore(root, (ref, size, etag) -> { });
        store.writeText(INTERACTIONS, LocalPersonalizeFixture.interactions(40));
        store.writeText(QUERIES, "{\"itemId\": \"i1\"}\n{\"itemId\": \"nope\"}\n");
    }

    /** A new service per call: nothing survives between calls but the records in the bucket. */
    private SegmentationService function() {
        return new EmbeddedSegmentationService(store, BUCKET, "eu-west-1", TRAINING, Clock.systemUTC(), 160);
    }

    /** The training workflow's calls, in its order, each until ACTIVE (at most 5 polls); returns the job's final state. */
    private static ResourceState train(Supplier<SegmentationService> service) {
        String group = poll(() -> service.get().ensureDatasetGroup("g", null)).arn();
        String schema = service.get().ensureSchema("g-schema", SCHEMA, null).arn();
        String dataset = poll(() -> service.get().ensureDataset(group, DatasetType.INTERACTIONS, "g-interactions", schema)).arn();
        poll(() -> service.get().ensureDatasetImportJob(dataset, "g-import", INTERACTIONS));
        String solution = poll(() -> service.get().ensureSolution(group, "s", ITEM_AFFINITY, SolutionSettings.none())).arn();
        String version = poll(() -> service.get().ensureSolutionVersion(solution, "s-1")).arn();
        return poll(() -> service.get().ensureBatchSegmentJob(new BatchSegmentJobRequest("job-1", version, QUERIES, OUTPUT, 5, null)));
    }

    private static ResourceState poll(Supplier<ResourceState> ensure) {
        ResourceState state = ensure.get();
        for (int i = 0; i < 5 && state.status().startsWith("CREATE ") && !state.isFailed(); i++) {
            state = ensure.get();
        }
        return state;
    }

    @Test
    void everyResourceIsActiveOnItsFirstCallAndTheJobWritesPersonalizesOutput() {
        SegmentationService first = function();
        ResourceState group = first.ensureDatasetGroup("g", null);

        assertThat(group.status()).isEqualTo("ACTIVE");
        assertThat(group.arn()).isEqualTo("arn:aws:personalize:eu-west-1:embedded:dataset-group/g");
        ResourceState job = train(this::function);
        assertThat(job.status()).isEqualTo("ACTIVE");
        SegmentationService.BatchSegmentJobDescription described = function().describeBatchSegmentJob(job.arn());
        assertThat(described.status()).isEqualTo("ACTIVE");
        assertThat(described.input()).isEqualTo(QUERIES);
        assertThat(described.outputPrefix()).isEqualTo(OUTPUT);
        assertThat(described.numResults()).isEqualTo(5);
        String output = store.readText(new ObjectRef(BUCKET, "batch/g/s/out/job_config.json.out"));
        assertThat(output.lines().findFirst().orElseThrow()).startsWith("{\"input\": {\"itemId\": \"i1\"}, \"output\": {\"usersList\": [\"u");
        assertThat(output.lines().skip(1).findFirst().orElseThrow()).contains("\"error\": \"item 'nope' is not in the training data\"");
        assertThat(store.list(BUCKET, "embedded-engine/")).isNotEmpty();
    }

    @Test
    void theJobOutputIsByteForByteThatOfThePersonalizeStandIn() {
        train(this::function);
        String embedded = store.readText(new ObjectRef(BUCKET, "batch/g/s/out/job_config.json.out"));
        store.delete(new ObjectRef(BUCKET, "batch/g/s/out/job_config.json.out"));
        LocalSegmentationService standIn = new LocalSegmentationService(store, TRAINING);

        train(() -> standIn);

        assertThat(store.readText(new ObjectRef(BUCKET, "batch/g/s/out/job_config.json.out"))).isEqualTo(embedded);
    }

    @Test
    void theSolutionVersionRecordsTheStandInsHeldOutMetrics() {
        ResourceState job = train(this::function);
        String version = function().describeBatchSegmentJob(job.arn()).solutionVersionArn();
        LocalSegmentationService standIn = new LocalSegmentationService(store, TRAINING);
        ResourceState standInJob = train(() -> standIn);

        assertThat(function().solutionVersionMetrics(version))
                .isEqualTo(standIn.solutionVersionMetrics(standIn.describeBatchSegmentJob(standInJob.arn()).solutionVersionArn()));
    }

    @Test
    void aBadRowFailsTheImportJobNamingFileLineAndField() {
        store.writeText(INTERACTIONS, "USER_ID,ITEM_ID,TIMESTAMP\nu1,i1,yesterday\n");
        SegmentationService service = function();
        String group = service.ensureDatasetGroup("g", null).arn();
        String dataset = service.ensureDataset(group, DatasetType.INTERACTIONS, "d", service.ensureSchema("g-schema", SCHEMA, null).arn()).arn();

        ResourceState imported = function().ensureDatasetImportJob(dataset, "g-import", INTERACTIONS);

        assertThat(imported.status()).isEqualTo("CREATE FAILED");
        assertThat(imported.failureReason()).contains("interactions.csv", "line 2", "TIMESTAMP");
        assertThat(function().ensureDatasetImportJob(dataset, "g-import", INTERACTIONS)).as("found again, still failed")
                .isEqualTo(imported);
    }

    /** 40 users of 4 interactions each are the most this service is sized for (160). */
    @Test
    void moreInteractionsThanTheFunctionsAreSizedForAreRefusedWithTheWayOut() {
        store.writeText(INTERACTIONS, LocalPersonalizeFixture.interactions(41));

        ResourceState job = train(this::function);
        ResourceState imported = function().ensureDatasetImportJob("arn:aws:personalize:eu-west-1:embedded:dataset/g/INTERACTIONS",
                "g-import", INTERACTIONS);

        assertThat(job.status()).isEqualTo("CREATE FAILED");
        assertThat(imported.status()).isEqualTo("CREATE FAILED");
        assertThat(imported.failureReason()).contains("s3://bkt/train/g/interactions.csv", "164 interactions, more than the 160",
                "use SegmentationEngine=Personalize, or split the data");
        assertThat(store.list(BUCKET, "batch/g/s/out/")).as("nothing trained, nothing written").isEmpty();
    }

    @Test
    void aNameTakenInAnotherGroupIsRefusedAsPersonalizeDoes() {
        String a = function().ensureDatasetGroup("a", null).arn();
        String b = function().ensureDatasetGroup("b", null).arn();
        function().ensureSolution(a, "s", ITEM_AFFINITY, SolutionSettings.none());

        assertThatThrownBy(() -> function().ensureSolution(b, "s", ITEM_AFFINITY, SolutionSettings.none()))
                .hasMessageContaining("ResourceAlreadyExistsException");
    }

    @Test
    void cleanUpFindsAndDeletesEveryRecordOfTheGroup() {
        ResourceState job = train(this::function);
        DatasetGroupContents contents = function().datasetGroupContents("g");

        assertThat(contents.solutionArns()).containsExactly("arn:aws:personalize:eu-west-1:embedded:solution/s");
        assertThat(contents.datasetArns()).containsExactly("arn:aws:personalize:eu-west-1:embedded:dataset/g/INTERACTIONS");
        assertThat(contents.schemaArns()).containsExactly("arn:aws:personalize:eu-west-1:embedded:schema/g-schema");
        contents.solutionArns().forEach(arn -> assertThat(function().delete(ResourceKind.SOLUTION, arn).isDeleted()).isTrue());
        contents.datasetArns().forEach(arn -> function().delete(ResourceKind.DATASET, arn));
        contents.schemaArns().forEach(arn -> function().delete(ResourceKind.SCHEMA, arn));
        function().delete(ResourceKind.DATASET_GROUP, contents.arn());

        assertThat(function().datasetGroupContents("g")).isEqualTo(DatasetGroupContents.none("g"));
        assertThat(store.list(BUCKET, "embedded-engine/solution/")).isEmpty();
        assertThat(function().describeBatchSegmentJob(job.arn()).status()).as("jobs stay, as Personalize keeps them").isEqualTo("ACTIVE");
    }

    @Test
    void anArnThatIsNotTheEnginesIsRefusedBeforeAnythingIsRead() {
        assertThatThrownBy(() -> function().describeBatchSegmentJob("arn:aws:personalize:eu-west-1:embedded:batch-segment-job/../../x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a resource of the embedded engine");
        assertThatThrownBy(() -> function().describeBatchSegmentJob("arn:aws:personalize:eu-west-1:123456789012:batch-segment-job/j"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
