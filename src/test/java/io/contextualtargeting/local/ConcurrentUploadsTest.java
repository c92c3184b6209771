package io.contextualtargeting.local;

import static io.contextualtargeting.local.PipelineRun.POST_PROCESSING;
import static io.contextualtargeting.local.PipelineRun.TRAINING;
import static org.assertj.core.api.Assertions.assertThat;

import io.contextualtargeting.engine.generate.DatasetLayout;
import io.contextualtargeting.engine.generate.GeneratorSettings;
import io.contextualtargeting.local.statemachine.ExecutionRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two training configs (two dataset groups) uploaded in the same second, on a fixed clock: both
 * train, and their jobs, which ask the same queries, get segments of the same name in the same
 * second, which the conditional writes of the segment files keep apart.
 */
class ConcurrentUploadsTest {
    @TempDir
    Path dir;
    private DatasetLayout alpha;
    private DatasetLayout beta;

    /** alpha and beta in one data folder, with the same dataset names and the same queries. */
    @BeforeEach
    void generate() throws IOException {
        Path data = dir.resolve("both");
        PipelineFixture.generate(data, PipelineFixture.SETTINGS.withName("alpha"));
        Path other = dir.resolve("beta");
        GeneratorSettings settings = PipelineFixture.SETTINGS;
        PipelineFixture.generate(other, new GeneratorSettings(settings.users(), settings.items(), settings.interactionsPerUser(),
                settings.seed() + 1, "beta", settings.numResults(), settings.days(), settings.threads()));
        alpha = new DatasetLayout(data, "alpha");
        beta = new DatasetLayout(data, "beta");
        copy(new DatasetLayout(other, "beta"), beta);
        for (DatasetLayout layout : List.of(alpha, beta)) {
            String config = PipelineFixture.read(layout.trainingConfig());
            for (String type : List.of("interactions", "items", "users")) {
                config = config.replace("\"" + layout.name() + "-" + type + "\"", "\"" + type + "\"");
            }
            PipelineFixture.write(layout.trainingConfig(), config);
        }
        Files.copy(alpha.batchInput(alpha.attributeAffinitySolution()), beta.batchInput(beta.attributeAffinitySolution()),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(alpha.batchInput(alpha.itemAffinitySolution()), beta.batchInput(beta.itemAffinitySolution()),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void twoDatasetGroupsUploadedInTheSameSecondBothTrainAndKeepTheirSegmentsApart() {
        PipelineRun run = new PipelineFixture(dir.resolve("both"), dir.resolve("run")).run();

        assertThat(run.summary().allSucceeded()).as(run.consoleText()).isTrue();
        assertThat(run.executions(TRAINING)).hasSize(2);
        assertThat(run.executions(TRAINING)).extracting(e -> e.input().path("time").asText()).as("the same second")
                .containsOnly(PipelineFixture.NOW.toString());
        assertThat(run.cloud().personalize().resources().keySet()).filteredOn(arn -> arn.contains(":dataset-import-job/"))
                .hasSize(6);
        assertThat(run.executions(POST_PROCESSING)).hasSize(4);
        List<Path> files = run.segmentFiles();
        assertThat(files).hasSize(4 * PipelineFixture.QUERIES_PER_JOB);
        Map<String, List<Path>> byName = files.stream().collect(Collectors.groupingBy(
                f -> f.getFileName().toString().replaceAll("(-2)?\\.csv$", ""), Collectors.toList()));
        assertThat(byName).as("each query's name is given twice in the same second").hasSize(2 * PipelineFixture.QUERIES_PER_JOB)
                .allSatisfy((name, pair) -> {
                    assertThat(pair).extracting(f -> f.getFileName().toString()).containsExactlyInAnyOrder(name + ".csv", name + "-2.csv");
                    assertThat(PipelineFixture.read(pair.get(0))).isNotEqualTo(PipelineFixture.read(pair.get(1)));
                });
        assertThat(run.cloud().pinpoint().segmentSizes()).hasSize(1 + files.size());
        assertThat(run.cloud().executions().list()).extracting(ExecutionRecord::name).doesNotHaveDuplicates();
    }

    @Test
    void aSolutionNameTheOtherGroupHoldsFailsThatTrainingAndLeavesTheOtherWhole() throws IOException {
        PipelineFixture.write(beta.trainingConfig(), PipelineFixture.read(beta.trainingConfig()).replace("\"beta-item-affinity\"",
                "\"alpha-item-affinity\""));
        Path queries = beta.batchInput(beta.itemAffinitySolution()).getParent();
        Files.move(queries, queries.resolveSibling("alpha-item-affinity"));

        PipelineRun run = new PipelineFixture(dir.resolve("both"), dir.resolve("run")).run();

        Map<String, ExecutionRecord> trainings = run.executions(TRAINING).stream().collect(Collectors.toMap(
                e -> e.input().path("detail").path("object").path("key").asText(), Function.identity()));
        assertThat(trainings.get("train/alpha/alpha_config.json").status().name()).isEqualTo("SUCCEEDED");
        ExecutionRecord failed = trainings.get("train/beta/beta_config.json");
        assertThat(failed.status().name()).isEqualTo("FAILED");
        assertThat(run.shown(failed)).contains("ResourceAlreadyExistsException").contains("solution/alpha-item-affinity")
                .contains("dataset-group/alpha");
        assertThat(run.emails()).anySatisfy(mail -> assertThat(mail).contains("training failed for dataset group beta")
                .contains("ResourceAlreadyExistsException"));
        assertThat(run.executions(POST_PROCESSING)).as("alpha's two jobs, and beta's job trained before the failure")
                .extracting(e -> e.input().path("JobName").asText().replaceAll("-\\d{14}$", ""))
                .containsExactlyInAnyOrder("alpha-item-attribute-affinity", "alpha-item-affinity", "beta-item-attribute-affinity");
        assertThat(run.executions(POST_PROCESSING)).allSatisfy(e -> assertThat(e.status().name()).isEqualTo("SUCCEEDED"));
    }

    private static void copy(DatasetLayout from, DatasetLayout to) throws IOException {
        for (Path folder : List.of(from.trainingDirectory(), from.batchInput(from.itemAffinitySolution()).getParent().getParent())) {
            Path target = to.root().resolve(from.root().relativize(folder).toString());
            try (var files = Files.walk(folder)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Path copied = target.resolve(folder.relativize(file).toString());
                    Files.createDirectories(copied.getParent());
                    Files.copy(file, copied);
                }
            }
        }
    }
}
