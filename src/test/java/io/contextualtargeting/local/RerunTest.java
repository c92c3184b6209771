package io.contextualtargeting.local;

import static io.contextualtargeting.local.PipelineRun.IMPORT;
import static io.contextualtargeting.local.PipelineRun.POST_PROCESSING;
import static io.contextualtargeting.local.PipelineRun.TRAINING;
import static org.assertj.core.api.Assertions.assertThat;

import io.contextualtargeting.local.cloudformation.CloudModel;
import io.contextualtargeting.local.statemachine.EventPublisher;
import io.contextualtargeting.local.statemachine.ExecutionRecord;
import io.contextualtargeting.local.statemachine.FakeTime;
import io.contextualtargeting.ports.ObjectRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Workflows run again after a failure (or twice for one event) find what exists and create nothing twice. */
class RerunTest {
    private static final String SOLUTION_VERSION = ".*:solution/[^/]+/.+";

    @RegisterExtension
    static final TinyDataset DATASET = new TinyDataset();
    @TempDir
    Path dir;

    @Test
    void aTrainingThatGaveUpWaitingCompletesWhenItsUploadEventIsDeliveredAgain() {
        PipelineFixture fixture = DATASET.copyTo(dir);
        fixture.hold(arn -> arn.matches(SOLUTION_VERSION));
        PipelineRun run = fixture.run();
        ExecutionRecord failed = run.execution(TRAINING);
        assertThat(failed.status().name()).isEqualTo("FAILED");
        Map<String, String> before = run.cloud().personalize().resources();

        fixture.hold(arn -> false);
        run.cloud().events().redeliver("default", failed.input());
        run.cloud().drain();

        assertThat(run.executions(TRAINING)).extracting(e -> e.status().name()).containsExactly("FAILED", "SUCCEEDED");
        Map<String, String> after = run.cloud().personalize().resources();
        assertThat(after).as("what the failed run created is found again").containsKeys(before.keySet().toArray(String[]::new));
        assertThat(kinds(after)).isEqualTo(Map.of("dataset-group", 1L, "schema", 3L, "dataset", 3L,
                "dataset-import-job", 3L, "solution", 2L, "solution-version", 2L, "batch-segment-job", 2L));
        assertThat(after.values()).containsOnly("ACTIVE");
        assertThat(run.executions(POST_PROCESSING)).hasSize(2).allSatisfy(e -> assertThat(e.status().name()).isEqualTo("SUCCEEDED"));
        assertThat(run.segmentFiles()).hasSize(2 * PipelineFixture.QUERIES_PER_JOB);
    }

    @Test
    void aConfigUploadedAgainAfterAFixTrainsAnewWithTheSameDatasetGroupSchemasDatasetsAndSolutions() {
        PipelineFixture fixture = DATASET.copyTo(dir);
        // a users row: the upload check reads only the users file's header, so the import job finds it
        String good = PipelineFixture.read(fixture.users());
        PipelineFixture.editLine(fixture.users(), 6, l -> l.replaceAll(",\\d+$", ",yesterday"));
        FakeTime clock = new FakeTime(PipelineFixture.NOW.toString());
        PipelineRun run = fixture.run(Map.of(), clock, cloud -> { });
        assertThat(run.execution(TRAINING).status().name()).isEqualTo("FAILED");
        Map<String, String> before = run.cloud().personalize().resources();

        clock.advance(Duration.ofMinutes(10));
        String bucket = run.cloud().bucket("PersonalizeBucket");
        String folder = "train/" + PipelineFixture.SETTINGS.name() + "/";
        run.cloud().store().writeText(new ObjectRef(bucket, folder + "users.csv"), good);
        run.cloud().store().writeText(new ObjectRef(bucket, folder + fixture.config().getFileName()), PipelineFixture.read(fixture.config()));
        run.cloud().drain();

        assertThat(run.executions(TRAINING)).extracting(e -> e.status().name()).containsExactly("FAILED", "SUCCEEDED");
        Map<String, String> after = run.cloud().personalize().resources();
        assertThat(after).as("what the failed run created is found again").containsKeys(before.keySet().toArray(String[]::new));
        assertThat(kinds(after)).as("a new run: new import jobs, version and batch jobs; the rest found")
                .isEqualTo(Map.of("dataset-group", 1L, "schema", 3L, "dataset", 3L,
                        "dataset-import-job", kinds(before).get("dataset-import-job") + 3, "solution", 2L,
                        "solution-version", 2L, "batch-segment-job", 2L));
        assertThat(run.segmentFiles()).hasSize(2 * PipelineFixture.QUERIES_PER_JOB);
    }

    @Test
    void aConfigGivingADatasetAnotherSchemaFailsTheTrainingAndSaysWhatToDo() {
        FakeTime clock = new FakeTime(PipelineFixture.NOW.toString());
        PipelineFixture fixture = DATASET.copyTo(dir);
        PipelineRun run = fixture.run(Map.of(), clock, cloud -> { });
        assertThat(run.execution(TRAINING).status().name()).isEqualTo("SUCCEEDED");

        clock.advance(Duration.ofMinutes(10));
        String config = PipelineFixture.read(fixture.config());
        String schemaName = PipelineFixture.SETTINGS.name() + "-items-schema";
        assertThat(config).contains("\"" + schemaName + "\"");
        String bucket = run.cloud().bucket("PersonalizeBucket");
        run.cloud().store().writeText(new ObjectRef(bucket, "train/" + PipelineFixture.SETTINGS.name() + "/"
                + fixture.config().getFileName()), config.replace("\"" + schemaName + "\"", "\"" + schemaName + "-v2\""));
        run.cloud().drain();

        assertThat(run.executions(TRAINING)).extracting(e -> e.status().name()).containsExactly("SUCCEEDED", "FAILED");
        assertThat(run.emails()).anySatisfy(email -> assertThat(email)
                .contains("was created with schema").contains(schemaName + "-v2").contains("datasetGroup.serviceConfig.name"));
    }

    @Test
    void postProcessingTheSameJobAgainWritesNoSecondSegmentFile() throws IOException {
        FakeTime clock = new FakeTime(PipelineFixture.NOW.toString());
        PipelineRun run = DATASET.copyTo(dir).run(Map.of(), clock, cloud -> { });
        assertThat(run.summary().allSucceeded()).isTrue();
        List<Path> files = run.segmentFiles();
        List<String> contents = files.stream().map(PipelineFixture::read).toList();
        int imports = run.executions(IMPORT).size();

        clock.advance(Duration.ofHours(1));
        for (ExecutionRecord execution : run.executions(POST_PROCESSING)) {
            announceAgain(run.cloud(), execution);
        }
        run.cloud().drain();

        assertThat(run.executions(POST_PROCESSING)).hasSize(4).allSatisfy(e -> assertThat(e.status().name()).isEqualTo("SUCCEEDED"));
        assertThat(run.segmentFiles()).isEqualTo(files);
        assertThat(files.stream().map(PipelineFixture::read).toList()).isEqualTo(contents);
        assertThat(run.executions(IMPORT)).as("no segment imported twice").hasSize(imports);
        for (ExecutionRecord rerun : run.executions(POST_PROCESSING).subList(2, 4)) {
            assertThat(rerun.output().path("segments")).allSatisfy(report -> assertThat(
                    Files.exists(run.pathOf(ObjectRef.parse(report.path("csv").asText())))).isTrue());
        }
    }

    /** How many resources of each kind: the ARN's resource type, a solution's versions apart. */
    private static Map<String, Long> kinds(Map<String, String> resources) {
        return resources.keySet().stream().collect(Collectors.groupingBy(arn -> {
            String resource = arn.substring(arn.lastIndexOf(':') + 1);
            String kind = resource.substring(0, resource.indexOf('/'));
            return kind.equals("solution") && resource.chars().filter(c -> c == '/').count() == 2 ? "solution-version" : kind;
        }, Collectors.counting()));
    }

    /** The training workflow announces the job again: the event that started the post-processing execution. */
    private static void announceAgain(LocalCloud cloud, ExecutionRecord postProcessing) {
        CloudModel.EventRule rule = cloud.model().rules().stream()
                .filter(r -> r.targetArn().equals(postProcessing.stateMachineArn())).findFirst().orElseThrow();
        cloud.events().putEvents(List.of(new EventPublisher.Entry("solutions.aws.personalize",
                "Personalize Batch Segment Job State Change", postProcessing.input(), rule.eventBusName(), List.of())));
    }
}
