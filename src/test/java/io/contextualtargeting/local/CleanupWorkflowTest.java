package io.contextualtargeting.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.contextualtargeting.engine.generate.DatasetGenerator;
import io.contextualtargeting.engine.generate.GeneratorSettings;
import io.contextualtargeting.engine.model.TrainingParameters;
import io.contextualtargeting.formats.Json;
import io.contextualtargeting.local.cloudformation.TemplateSource;
import io.contextualtargeting.local.personalize.LocalPersonalizeFixture;
import io.contextualtargeting.local.statemachine.ExecutionListener;
import io.contextualtargeting.local.statemachine.ExecutionRecord;
import io.contextualtargeting.local.statemachine.ExecutionStatus;
import io.contextualtargeting.ports.ObjectRef;
import io.contextualtargeting.ports.SegmentationService.DatasetGroupContents;
import io.contextualtargeting.workflow.ResourcePendingException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clean-up workflow in the local cloud: the repository's templates and state machines, the
 * real handlers, the Personalize stand-in, the outbox for emails; started as the AWS command starts
 * it, with the state machine ARN from the stack's outputs.
 */
class CleanupWorkflowTest {
    @TempDir
    Path work;
    @TempDir
    Path data;

    @Test
    void cleanupAfterTrainingLeavesNothingOfTheDatasetGroupAndEmailsWhatItDeleted() throws IOException {
        new DatasetGenerator().generate(GeneratorSettings.of(200, 80, 7), data);
        LocalCloud cloud = start();
        cloud.sync(data.resolve("personalize"), cloud.bucket("PersonalizeBucket"), "");
        cloud.drain();
        assertThat(cloud.executions().list()).filteredOn(e -> e.stateMachineName().endsWith("-training"))
                .singleElement().extracting(ExecutionRecord::status).isEqualTo(ExecutionStatus.SUCCEEDED);

        ExecutionRecord cleanup = cloud.startExecution(cloud.output("CleanupStateMachineArn"), input("bingewatch"));

        assertThat(cleanup.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(cloud.personalize().datasetGroupContents("bingewatch")).isEqualTo(DatasetGroupContents.none("bingewatch"));
        assertThat(cloud.personalize().resourceArns()).isEmpty();
        assertThat(cleanup.output().get("deleted")).hasSize(2 + 3 + 3 + 1);
        assertThat(lastEmail()).startsWith("Subject: contextual-targeting: Personalize resources of dataset group bingewatch deleted")
                .contains("arn:aws:personalize:local:000000000000:dataset-group/bingewatch", "Data in S3 is kept");
        assertThat(cloud.store().read(new ObjectRef(cloud.bucket("PersonalizeBucket"), "train/bingewatch/interactions.csv")))
                .as("training data stays in S3").isNotNull();
    }

    @Test
    void deletionThatCannotFinishSendsTheFailureEmailAndFailsTheExecution() throws IOException {
        LocalCloud cloud = start();
        LocalPersonalizeFixture create = new LocalPersonalizeFixture(cloud.personalize());
        String dataset = create.dataset(create.group("stuck"), "stuck-interactions", create.schema("stuck-interactions"));
        // Started and never polled again: locally it never ends, like a job that outlasts the clean-up on AWS.
        cloud.personalize().ensureDatasetImportJob(dataset, "stuck-import", new ObjectRef("b", "interactions.csv"));

        ExecutionRecord cleanup = cloud.startExecution(cloud.output("CleanupStateMachineArn"), input("stuck"));

        assertThat(cleanup.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(cleanup.error()).isEqualTo(ResourcePendingException.class.getName());
        assertThat(cleanup.cause()).contains("dataset " + dataset + " is ACTIVE, waiting for what still uses it (import job");
        assertThat(lastEmail()).startsWith("Subject: contextual-targeting: clean-up failed for dataset group stuck")
                .contains("import job arn:aws:personalize:local:000000000000:dataset-import-job/stuck-import");
        assertThat(cloud.personalize().resourceArns()).contains(dataset);
    }

    @Test
    void executionWithoutADatasetGroupFailsNamingTheField() throws IOException {
        LocalCloud cloud = start();

        ExecutionRecord cleanup = cloud.startExecution(cloud.output("CleanupStateMachineArn"), Json.mapper().createObjectNode());

        assertThat(cleanup.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(cleanup.error()).endsWith("InvalidCleanupRequestException");
        assertThat(lastEmail()).contains("clean-up execution input, field datasetGroup: is missing");
    }

    private LocalCloud start() {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        return LocalCloud.start(new LocalCloud.Settings(work, TemplateSource.directory(Path.of("")), Map.of(),
                TrainingParameters.defaults().withThreads(1), 0, ExecutionListener.NONE, quiet));
    }

    private static JsonNode input(String datasetGroup) {
        return Json.mapper().createObjectNode().put("datasetGroup", datasetGroup);
    }

    private String lastEmail() throws IOException {
        try (Stream<Path> emails = Files.list(work.resolve("outbox"))) {
            List<Path> sorted = emails.sorted().toList();
            return Files.readString(sorted.get(sorted.size() - 1));
        }
    }
}
