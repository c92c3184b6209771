package io.contextualtargeting.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.contextualtargeting.engine.generate.DatasetGenerator;
import io.contextualtargeting.engine.generate.DatasetLayout;
import io.contextualtargeting.engine.generate.GeneratorSettings;
import io.contextualtargeting.engine.model.TrainingParameters;
import io.contextualtargeting.local.cloudformation.TemplateSource;
import io.contextualtargeting.local.statemachine.ExecutionListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The template's SegmentationEngine, both values, through the same state machines, rules and
 * handlers on the same data: Personalize (the local stand-in, polled through its lifecycle) and
 * Embedded (the engine inside the training functions, its resources as records in the bucket).
 * Post-processing cannot tell them apart: the batch segment job outputs are the same bytes at the
 * same paths, and so are the segment files.
 */
class EngineChoiceTest {
    @TempDir
    Path dir;
    private Path data;
    private DatasetLayout layout;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @BeforeEach
    void generate() throws IOException {
        data = dir.resolve("data");
        GeneratorSettings settings = GeneratorSettings.of(300, 150, 7).withInteractionsPerUser(20).withNumResults(30);
        new DatasetGenerator().generate(settings, data);
        layout = new DatasetLayout(data, settings.name());
    }

    private Run run(String engine) {
        Path work = dir.resolve("work-" + engine);
        LocalCloud.Settings settings = new LocalCloud.Settings(work, TemplateSource.classpath(LocalCloud.TEMPLATES),
                Map.of("SegmentationEngine", engine), TrainingParameters.defaults().withIterations(3), 0, ExecutionListener.NONE,
                new PrintStream(console, true, StandardCharsets.UTF_8));
        LocalRun run = new LocalRun(data, settings);
        return new Run(run.run(new PrintStream(console, true, StandardCharsets.UTF_8)), work);
    }

    private record Run(RunSummary summary, Path work) {
        /**
         * Every file of the local S3 under a key part (e.g. {@code "/batch/"}), by its path in the bucket
         * without the run's time (job folders are named after it), with its content.
         */
        Map<String, String> files(String part, String suffix) {
            Path s3 = work.resolve("s3");
            try (Stream<Path> files = Files.walk(s3)) {
                return files.filter(Files::isRegularFile).filter(f -> f.toString().contains(part) && f.toString().endsWith(suffix))
                        .collect(Collectors.toMap(f -> s3.relativize(f).toString().replaceAll("_\\d{4}(_\\d{2}){5}", "_TIME"), Run::read, (a, b) -> a, TreeMap::new));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Map<String, Long> executions() {
            return summary.executions().stream().collect(Collectors.groupingBy(
                    e -> e.stateMachine().replaceAll(".*-", "") + " " + e.status(), TreeMap::new, Collectors.counting()));
        }

        List<String> outbox() {
            try (Stream<Path> mails = Files.list(work.resolve("outbox"))) {
                return mails.sorted().map(Run::read).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String read(Path file) {
            try {
                return Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void bothEnginesRunTheSameWorkflowsAndWriteTheSameJobOutputsAndSegments() {
        Run personalize = run("Personalize");
        Run embedded = run("Embedded");

        assertThat(personalize.summary().allSucceeded()).as(console.toString()).isTrue();
        assertThat(embedded.summary().allSucceeded()).as(console.toString()).isTrue();
        assertThat(embedded.executions()).isEqualTo(personalize.executions())
                .containsEntry("training SUCCEEDED", 1L).containsEntry("postprocessing SUCCEEDED", 2L);
        Map<String, String> outputs = embedded.files("/batch/", ".out");
        assertThat(outputs).hasSize(2).isEqualTo(personalize.files("/batch/", ".out"));
        assertThat(embedded.summary().segments()).hasSize(personalize.summary().segments().size())
                .allSatisfy(segment -> assertThat(segment.users()).isEqualTo(30));
        assertThat(segmentFiles(embedded)).isEqualTo(segmentFiles(personalize));
        assertThat(embedded.outbox()).anySatisfy(mail -> assertThat(mail)
                .contains("training complete for dataset group bingewatch").contains("recall_at_1_percent"));
        assertThat(personalize.outbox()).anySatisfy(mail -> assertThat(mail).contains("recall_at_1_percent"));
    }

    @Test
    void theEmbeddedEngineKeepsItsResourcesAsRecordsInThePersonalizeBucketAndNeverPollsTheStandIn() {
        Run embedded = run("Embedded");

        assertThat(embedded.summary().allSucceeded()).as(console.toString()).isTrue();
        assertThat(embedded.files("/embedded-engine/", ".json").keySet())
                .anyMatch(key -> key.matches("[^/]*personalizebucket[^/]*/embedded-engine/batch-segment-job/.+\\.json"))
                .anyMatch(key -> key.contains("/embedded-engine/solution/"))
                .anyMatch(key -> key.contains("/embedded-engine/dataset-import-job/"));
        assertThat(console.toString()).as("no resource waits: every one is ACTIVE at once").doesNotContain("waiting");
    }

    @Test
    void aBadInteractionRowFailsTheEmbeddedImportAsItFailsPersonalizesNamingFileLineAndField() throws IOException {
        Path interactions = layout.interactions();
        List<String> lines = Files.readAllLines(interactions);
        lines.set(5, lines.get(5).replaceAll(",\\d+$", ",yesterday"));
        Files.write(interactions, lines);

        Run embedded = run("Embedded");

        assertThat(embedded.executions()).containsEntry("training FAILED", 1L).doesNotContainKey("postprocessing SUCCEEDED");
        assertThat(embedded.outbox()).anySatisfy(mail -> assertThat(mail)
                .contains("interactions.csv, line 6, field TIMESTAMP").contains("'yesterday'"));
    }

    /** The segment files' contents by query, without the time in their names. */
    private static Map<String, String> segmentFiles(Run run) {
        return run.summary().segments().stream().collect(Collectors.toMap(RunSummary.Segment::query, segment -> {
            try {
                return Files.readString(Path.of(segment.csv()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, (a, b) -> a, TreeMap::new));
    }
}
