package io.contextualtargeting.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.contextualtargeting.formats.Json;
import io.contextualtargeting.engine.generate.GeneratorSettings;
import io.contextualtargeting.local.statemachine.ExecutionRecord;
import io.contextualtargeting.local.statemachine.ExecutionStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The template's SegmentationEngine, both values, through the same state machines, rules and
 * handlers on the same data and clock: Personalize (the local stand-in, polled through its
 * lifecycle) and Embedded (the engine inside the training functions, its resources as records in
 * the bucket). Post-processing and import cannot tell them apart: the batch segment job outputs are
 * the same bytes at the same paths, and so are the segment files.
 */
class EngineChoiceTest {
    @TempDir
    static Path base;
    @TempDir
    Path dir;

    @BeforeAll
    static void generate() throws IOException {
        PipelineFixture.generate(base);
    }

    private PipelineRun run(String engine) {
        return run(new PipelineFixture(base, dir.resolve(engine)), engine);
    }

    private static PipelineRun run(PipelineFixture fixture, String engine) {
        return fixture.run(Map.of("SegmentationEngine", engine), cloud -> { });
    }

    @Test
    void bothEnginesRunTheSameWorkflowsAndWriteTheSameJobOutputsAndSegments() {
        PipelineRun personalize = run("Personalize");
        PipelineRun embedded = run("Embedded");

        assertThat(personalize.summary().allSucceeded()).as(personalize.consoleText()).isTrue();
        assertThat(embedded.summary().allSucceeded()).as(embedded.consoleText()).isTrue();
        assertThat(executions(embedded)).isEqualTo(executions(personalize)).containsEntry("training SUCCEEDED", 1L)
                .containsEntry("segment-postprocessing SUCCEEDED", 2L);
        assertThat(files(embedded, "/batch/", ".out")).hasSize(2).isEqualTo(files(personalize, "/batch/", ".out"));
        assertThat(files(embedded, "/pinpoint/", ".csv")).hasSize(2 * PipelineFixture.QUERIES_PER_JOB + 1)
                .isEqualTo(files(personalize, "/pinpoint/", ".csv"));
        assertThat(embedded.emails()).anySatisfy(mail -> assertThat(mail)
                .contains("training complete for dataset group").contains("recall_at_1_percent"));
        assertThat(personalize.shown(personalize.execution(PipelineRun.TRAINING))).as("the stand-in is polled")
                .contains("ResourcePendingException");
        assertThat(embedded.shown(embedded.execution(PipelineRun.TRAINING))).as("every resource is ACTIVE at once")
                .doesNotContain("ResourcePendingException");
    }

    /**
     * Issue 12: the training email carries the held-out metrics for both engines, so a user can
     * compare them on their own data. With Embedded the email names, for every solution, the same
     * metrics with the same values as with the Personalize stand-in (both measure the same hold-out).
     */
    @Test
    void bothEnginesEmailTheSameHeldOutMetricsForEverySolution() throws IOException {
        // 1,000 users, so that a 1 % segment holds 10 users and the hits are not all zero, as on the tiny fixture
        Path larger = dir.resolve("larger");
        PipelineFixture.generate(larger, GeneratorSettings.of(1_000, 200, 11).withInteractionsPerUser(20)
                .withNumResults(10).withThreads(1));
        Map<String, Map<String, String>> personalize = heldOutMetrics(run(new PipelineFixture(larger, dir.resolve("p")), "Personalize"));
        Map<String, Map<String, String>> embedded = heldOutMetrics(run(new PipelineFixture(larger, dir.resolve("e")), "Embedded"));

        assertThat(personalize).hasSize(2).allSatisfy((solution, metrics) -> assertThat(metrics).as(solution)
                .containsOnlyKeys("hits_at_1_percent", "recall_at_1_percent", "coverage")
                .hasEntrySatisfying("recall_at_1_percent", recall -> assertThat(Double.parseDouble(recall)).isPositive()));
        assertThat(embedded).isEqualTo(personalize);
    }

    @Test
    void theEmbeddedEngineKeepsItsResourcesAsRecordsAndNeverPolls() {
        PipelineRun embedded = run("Embedded");

        assertThat(embedded.summary().allSucceeded()).as(embedded.consoleText()).isTrue();
        assertThat(files(embedded, "/embedded-engine/", ".json").keySet())
                .anyMatch(key -> key.matches("[^/]*personalizebucket[^/]*/embedded-engine/batch-segment-job/.+\\.json"))
                .anyMatch(key -> key.contains("/embedded-engine/solution/"))
                .anyMatch(key -> key.contains("/embedded-engine/dataset-import-job/"));
        assertThat(embedded.cloud().personalize().resources()).as("the stand-in is never called").isEmpty();
    }

    @Test
    void aBadInteractionRowFailsTheEmbeddedImportAsPersonalizesFailsNamingFileLineAndField() {
        PipelineFixture fixture = new PipelineFixture(base, dir.resolve("bad"));
        PipelineFixture.editLine(fixture.interactions(), 6, line -> line.replaceAll(",\\d+$", ",yesterday"));

        PipelineRun embedded = run(fixture, "Embedded");

        assertThat(embedded.execution(PipelineRun.TRAINING).status().toString()).isEqualTo("FAILED");
        assertThat(embedded.executions(PipelineRun.POST_PROCESSING)).isEmpty();
        assertThat(embedded.emails()).anySatisfy(mail -> assertThat(mail)
                .contains("interactions.csv, line 6, field TIMESTAMP").contains("'yesterday'"));
    }

    /** The clean-up workflow, as on AWS, deletes the engine's records of the dataset group; data and job outputs stay. */
    @Test
    void theCleanUpWorkflowDeletesTheEmbeddedEnginesRecordsOfTheGroup() {
        PipelineRun embedded = run("Embedded");
        String group = PipelineFixture.SETTINGS.name();

        ExecutionRecord cleanup = embedded.cloud().startExecution(embedded.cloud().output("CleanupStateMachineArn"),
                Json.mapper().createObjectNode().put("datasetGroup", group));

        assertThat(cleanup.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(cleanup.output().get("deleted")).hasSize(2 + 3 + 3 + 1);
        assertThat(files(embedded, "/embedded-engine/", ".json").keySet()).noneMatch(key -> key.contains("/solution/")
                || key.contains("/dataset/") || key.contains("/schema/") || key.contains("/dataset-group/"));
        assertThat(files(embedded, "/batch/", ".out")).hasSize(2);
    }

    private static final Pattern SOLUTION = Pattern.compile("(?m)^Solution (\\S+) \\(");
    private static final Pattern METRICS = Pattern.compile("(?m)^  held-out metrics:(.*)$");

    /**
     * The held-out metrics of the one "training complete" email, by solution name and metric name, as
     * the email prints them; a solution without a metrics line maps to no metric.
     */
    private static Map<String, Map<String, String>> heldOutMetrics(PipelineRun run) {
        assertThat(run.summary().allSucceeded()).as(run.consoleText()).isTrue();
        List<String> mails = run.emails().stream().filter(mail -> mail.contains("training complete for dataset group")).toList();
        assertThat(mails).hasSize(1);
        String[] blocks = mails.get(0).split("(?m)^(?=Solution \\S+ \\()");
        Map<String, Map<String, String>> bySolution = new TreeMap<>();
        for (String block : blocks) {
            Matcher solution = SOLUTION.matcher(block);
            if (!solution.lookingAt()) {
                continue;
            }
            Map<String, String> metrics = new TreeMap<>();
            Matcher line = METRICS.matcher(block);
            if (line.find()) {
                for (String metric : line.group(1).trim().split(" ")) {
                    String[] nameValue = metric.split("=", 2);
                    metrics.put(nameValue[0], nameValue[1]);
                }
            }
            bySolution.put(solution.group(1), metrics);
        }
        return bySolution;
    }

    /** Executions by state machine (without the stack's name) and status, counted. */
    private static Map<String, Long> executions(PipelineRun run) {
        return run.summary().executions().stream().collect(Collectors.groupingBy(
                e -> e.stateMachine().replaceFirst("^contextual-targeting-(PersonalizationEngine-|SegmentImport-)?", "")
                        + " " + e.status(), TreeMap::new, Collectors.counting()));
    }

    /** The local S3's files whose path holds {@code part} and ends in {@code suffix}, by path, with their content. */
    private static Map<String, String> files(PipelineRun run, String part, String suffix) {
        Path s3 = run.work().resolve("s3");
        List<Path> files = run.writtenFiles().stream().filter(f -> f.startsWith(s3))
                .filter(f -> f.toString().contains(part) && f.toString().endsWith(suffix)).toList();
        return files.stream().collect(Collectors.toMap(f -> s3.relativize(f).toString(), PipelineFixture::read,
                (a, b) -> a, TreeMap::new));
    }
}
