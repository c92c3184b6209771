package io.contextualtargeting.local.personalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contextualtargeting.embedded.EngineTraining;
import io.contextualtargeting.engine.model.TrainingParameters;
import io.contextualtargeting.engine.segment.SegmentModelTrainer;
import io.contextualtargeting.local.store.FolderObjectStore;
import io.contextualtargeting.ports.ObjectRef;
import io.contextualtargeting.ports.SegmentationService.BatchSegmentJobRequest;
import io.contextualtargeting.ports.SegmentationService.DatasetType;
import io.contextualtargeting.ports.SegmentationService.ResourceState;
import io.contextualtargeting.ports.SolutionSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSegmentationServiceTest {
    private static final String SCHEMA = """
            {"type": "record", "name": "Interactions", "fields": [
              {"name": "USER_ID", "type": "string"}, {"name": "ITEM_ID", "type": "string"}, {"name": "TIMESTAMP", "type": "long"}]}
            """;

    @TempDir
    Path root;

    /** Calls {@code ensure} until the resource leaves its CREATE states, as the workflow's retries do. */
    private static ResourceState poll(Supplier<ResourceState> ensure) {
        ResourceState state = ensure.get();
        assertThat(state.status()).isEqualTo("CREATE PENDING");
        for (int i = 0; i < 5 && state.status().startsWith("CREATE ") && !state.isFailed(); i++) {
            state = ensure.get();
        }
        return state;
    }

    @Test
    void resourcesGoThroughPersonalizesLifecycleAndTheJobWritesItsOutput() {
        FolderObjectStore store = new FolderObjectStore(root, (ref, size, etag) -> { });
        store.writeText(new ObjectRef("bkt", "train/g/interactions.csv"), LocalPersonalizeFixture.interactions(40));
        store.writeText(new ObjectRef("bkt", "batch/g/s/job_config.json"), "{\"itemId\": \"i1\"}\n{\"itemId\": \"nope\"}\n");
        var personalize = new LocalSegmentationService(store, TrainingParameters.defaults().withIterations(2).withThreads(1));

        String group = poll(() -> personalize.ensureDatasetGroup("g", null)).arn();
        String schema = personalize.ensureSchema("g-schema", SCHEMA, null).arn();
        String dataset = poll(() -> personalize.ensureDataset(group, DatasetType.INTERACTIONS, "g-interactions", schema)).arn();
        ResourceState imported = poll(() -> personalize.ensureDatasetImportJob(dataset, "g-import", new ObjectRef("bkt", "train/g/interactions.csv")));
        String solution = poll(() -> personalize.ensureSolution(group, "s", "arn:aws:personalize:::recipe/aws-item-affinity", SolutionSettings.none())).arn();
        String version = poll(() -> personalize.ensureSolutionVersion(solution, "s-1")).arn();
        BatchSegmentJobRequest job = new BatchSegmentJobRequest("job-1", version, new ObjectRef("bkt", "batch/g/s/job_config.json"),
                new ObjectRef("bkt", "batch/g/s/out/"), 5, null);
        ResourceState finished = poll(() -> personalize.ensureBatchSegmentJob(job));

        assertThat(group).isEqualTo("arn:aws:personalize:local:000000000000:dataset-group/g");
        assertThat(imported.status()).isEqualTo("ACTIVE");
        assertThat(finished.status()).isEqualTo("ACTIVE");
        assertThat(personalize.describeBatchSegmentJob(finished.arn()).status()).isEqualTo("ACTIVE");
        String output = store.readText(new ObjectRef("bkt", "batch/g/s/out/job_config.json.out"));
        assertThat(output.lines()).hasSize(2);
        assertThat(output.lines().findFirst().orElseThrow()).startsWith("{\"input\": {\"itemId\": \"i1\"}, \"output\": {\"usersList\": [\"u");
        assertThat(output.lines().skip(1).findFirst().orElseThrow()).contains("\"error\": \"item 'nope' is not in the training data\"");
        assertThat(personalize.ensureDatasetGroup("g", null).status()).as("describe-or-create finds it again").isEqualTo("ACTIVE");
    }

    @Test
    void aSolutionVersionTrainsWithItsSolutionsSettings() {
        FolderObjectStore store = new FolderObjectStore(root, (ref, size, etag) -> { });
        store.writeText(new ObjectRef("bkt", "train/g/interactions.csv"), LocalPersonalizeFixture.interactions(10));
        List<EngineTraining> trainings = new ArrayList<>();
        var personalize = new LocalSegmentationService(store, TrainingParameters.defaults().withIterations(1).withThreads(1),
                (data, parameters, explicit) -> {
                    trainings.add(new EngineTraining(parameters, explicit));
                    return SegmentModelTrainer.train(data, parameters, explicit);
                }, java.time.Clock.systemUTC(), arn -> false);
        String group = poll(() -> personalize.ensureDatasetGroup("g", null)).arn();
        String schema = personalize.ensureSchema("g-schema", SCHEMA, null).arn();
        String dataset = poll(() -> personalize.ensureDataset(group, DatasetType.INTERACTIONS, "g-interactions", schema)).arn();
        poll(() -> personalize.ensureDatasetImportJob(dataset, "g-import", new ObjectRef("bkt", "train/g/interactions.csv")));
        SolutionSettings settings = new SolutionSettings(Map.of("hidden_dimension", "32"), 1.0,
                List.of(new SolutionSettings.EventParameters("purchase", null, 1.0)),
                new SolutionSettings.EmbeddedEngine(30.0, 0.0, 2, 0.5));
        String solution = poll(() -> personalize.ensureSolution(group, "s", "arn:aws:personalize:::recipe/aws-item-affinity",
                settings)).arn();

        poll(() -> personalize.ensureSolutionVersion(solution, "s-1"));

        assertThat(trainings).singleElement().satisfies(t -> {
            assertThat(t.parameters().factors()).isEqualTo(32);
            assertThat(t.parameters().iterations()).isEqualTo(2);
            assertThat(t.parameters().weighting().eventTypeWeights()).isEqualTo(Map.of("purchase", 1f));
            assertThat(t.parameters().weighting().otherEventTypeWeight()).isEqualTo(0.5f);
            assertThat(t.parameters().weighting().minEventValue()).isEqualTo(1f);
            assertThat(t.explicit().recencyHalfLifeDays()).hasValue(30);
            assertThat(t.explicit().activityHalfLifeDays()).hasValue(0);
        });
    }

    @Test
    void solutionsTrainedOnTheSameImportsWithTheSameParametersShareOneTraining() {
        FolderObjectStore store = new FolderObjectStore(root, (ref, size, etag) -> { });
        store.writeText(new ObjectRef("bkt", "train/g/interactions.csv"), LocalPersonalizeFixture.interactions(40));
        AtomicInteger trainings = new AtomicInteger();
        var personalize = new LocalSegmentationService(store, TrainingParameters.defaults().withIterations(1).withThreads(1),
                (data, parameters, explicit) -> {
                    trainings.incrementAndGet();
                    return SegmentModelTrainer.train(data, parameters, explicit);
                }, java.time.Clock.systemUTC(), arn -> false);
        String group = poll(() -> personalize.ensureDatasetGroup("g", null)).arn();
        String schema = personalize.ensureSchema("g-schema", SCHEMA, null).arn();
        String dataset = poll(() -> personalize.ensureDataset(group, DatasetType.INTERACTIONS, "g-interactions", schema)).arn();
        ObjectRef file = new ObjectRef("bkt", "train/g/interactions.csv");
        poll(() -> personalize.ensureDatasetImportJob(dataset, "g-import-1", file));
        String item = poll(() -> personalize.ensureSolution(group, "item", "arn:aws:personalize:::recipe/aws-item-affinity", SolutionSettings.none())).arn();
        String attribute = poll(() -> personalize.ensureSolution(group, "attribute",
                "arn:aws:personalize:::recipe/aws-item-attribute-affinity", SolutionSettings.none())).arn();
        String wider = poll(() -> personalize.ensureSolution(group, "wider", "arn:aws:personalize:::recipe/aws-item-affinity",
                SolutionSettings.ofHyperparameters(Map.of("hidden_dimension", "32")))).arn();

        poll(() -> personalize.ensureSolutionVersion(item, "item-1"));
        poll(() -> personalize.ensureSolutionVersion(attribute, "attribute-1"));
        assertThat(trainings).as("same imports, same parameters").hasValue(1);

        poll(() -> personalize.ensureSolutionVersion(wider, "wider-1"));
        assertThat(trainings).as("other hyperparameters").hasValue(2);

        poll(() -> personalize.ensureDatasetImportJob(dataset, "g-import-2", file));
        poll(() -> personalize.ensureSolutionVersion(item, "item-2"));
        assertThat(trainings).as("a new import").hasValue(3);
    }

    @Test
    void aNameIsTakenForTheWholeAccountAsInPersonalize() {
        var personalize = new LocalSegmentationService(new FolderObjectStore(root, (ref, size, etag) -> { }), TrainingParameters.defaults());
        String first = poll(() -> personalize.ensureDatasetGroup("g1", null)).arn();
        String second = poll(() -> personalize.ensureDatasetGroup("g2", null)).arn();
        personalize.ensureSolution(first, "s", "arn:aws:personalize:::recipe/aws-item-affinity", SolutionSettings.none());
        personalize.ensureSchema("schema", SCHEMA, null);

        assertThatThrownBy(() -> personalize.ensureSolution(second, "s", "arn:aws:personalize:::recipe/aws-item-affinity", SolutionSettings.none()))
                .hasMessageContaining("ResourceAlreadyExistsException").hasMessageContaining("dataset-group/g1");
        assertThatThrownBy(() -> personalize.ensureSchema("schema", SCHEMA.replace("USER_ID", "VISITOR_ID"), null))
                .hasMessageContaining("schema schema exists with other fields");
        assertThat(personalize.ensureSchema("schema", SCHEMA, null).status()).isEqualTo("ACTIVE");

        String otherSchema = personalize.ensureSchema("schema-2", SCHEMA.replace("USER_ID", "VISITOR_ID"), null).arn();
        String dataset = poll(() -> personalize.ensureDataset(first, DatasetType.INTERACTIONS, "g1-interactions",
                personalize.ensureSchema("schema", SCHEMA, null).arn())).arn();
        assertThatThrownBy(() -> personalize.ensureDataset(first, DatasetType.INTERACTIONS, "g1-interactions", otherSchema))
                .hasMessageContaining("dataset " + dataset + " was created with schema").hasMessageContaining("not with " + otherSchema);
    }

    @Test
    void aSolutionVersionReportsMetricsOfItsRecipeMeasuredOnAHoldOutOfTheImportedData() {
        StringBuilder csv = new StringBuilder("USER_ID,ITEM_ID,TIMESTAMP\n");
        for (int view = 0; view < 8; view++) {
            for (int u = 0; u < 100; u++) { // two tastes: even users view i0..i7, odd users i8..i15
                csv.append('u').append(u).append(",i").append((u % 2) * 8 + (u + view) % 8).append(',')
                        .append(1_700_000_000 + view * 1000 + u).append('\n');
            }
        }
        FolderObjectStore store = new FolderObjectStore(root, (ref, size, etag) -> { });
        store.writeText(new ObjectRef("bkt", "train/g/interactions.csv"), csv.toString());
        var personalize = new LocalSegmentationService(store, TrainingParameters.defaults().withFactors(8).withThreads(1));
        String group = poll(() -> personalize.ensureDatasetGroup("g", null)).arn();
        String schema = personalize.ensureSchema("g-schema", SCHEMA, null).arn();
        String dataset = poll(() -> personalize.ensureDataset(group, DatasetType.INTERACTIONS, "g-interactions", schema)).arn();
        poll(() -> personalize.ensureDatasetImportJob(dataset, "g-import", new ObjectRef("bkt", "train/g/interactions.csv")));
        String solution = poll(() -> personalize.ensureSolution(group, "s", "arn:aws:personalize:::recipe/aws-item-affinity", SolutionSettings.none())).arn();
        String version = poll(() -> personalize.ensureSolutionVersion(solution, "s-1")).arn();

        Map<String, Double> metrics = personalize.solutionVersionMetrics(version);

        assertThat(metrics).containsOnlyKeys("hits_at_1_percent", "recall_at_1_percent", "coverage");
        assertThat(metrics.get("recall_at_1_percent")).isBetween(0.0, 1.0);
        assertThat(metrics.get("coverage")).isGreaterThan(0.0);
    }

    @Test
    void anImportOfABadFileFailsWithTheRowsLocation() {
        FolderObjectStore store = new FolderObjectStore(root, (ref, size, etag) -> { });
        store.writeText(new ObjectRef("bkt", "i.csv"), "USER_ID,ITEM_ID,TIMESTAMP\nu1,i1,1700000000\nu2,i2,later\n");
        var personalize = new LocalSegmentationService(store, TrainingParameters.defaults());
        String group = poll(() -> personalize.ensureDatasetGroup("g", null)).arn();
        String schema = personalize.ensureSchema("g-schema", SCHEMA, null).arn();
        String dataset = poll(() -> personalize.ensureDataset(group, DatasetType.INTERACTIONS, "g-interactions", schema)).arn();

        ResourceState failed = poll(() -> personalize.ensureDatasetImportJob(dataset, "g-import", new ObjectRef("bkt", "i.csv")));

        assertThat(failed.status()).isEqualTo("CREATE FAILED");
        assertThat(failed.failureReason()).contains("s3://bkt/i.csv, line 3, field TIMESTAMP");
    }
}
