package io.contextualtargeting.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contextualtargeting.engine.generate.DatasetGenerator;
import io.contextualtargeting.engine.generate.DatasetLayout;
import io.contextualtargeting.engine.generate.GeneratorSettings;
import io.contextualtargeting.engine.model.TrainingParameters;
import io.contextualtargeting.formats.InputException;
import io.contextualtargeting.local.cloudformation.TemplateSource;
import io.contextualtargeting.local.statemachine.ExecutionListener;
import io.contextualtargeting.local.store.WorkFolderLock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole pipeline through the deployed state machines and rules, on generated data. */
class LocalRunTest {
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

    /** Runs with Pinpoint and the Id form unless the parameters say otherwise (the defaults have no Pinpoint). */
    private RunSummary run(Map<String, String> parameters) {
        Map<String, String> withPinpoint = new HashMap<>(PipelineFixture.WITH_PINPOINT);
        withPinpoint.putAll(parameters);
        return runExactly(withPinpoint);
    }

    private RunSummary runExactly(Map<String, String> parameters) {
        LocalCloud.Settings settings = new LocalCloud.Settings(dir.resolve("work"),
                TemplateSource.classpath(LocalCloud.TEMPLATES), parameters,
                TrainingParameters.defaults().withIterations(3), 0, ExecutionListener.NONE,
                new PrintStream(console, true, StandardCharsets.UTF_8));
        return new LocalRun(data, settings).run(new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    private List<String> outbox() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("work/outbox"))) {
            return files.sorted().map(f -> {
                try {
                    return Files.readString(f);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    private static long count(RunSummary summary, String stateMachineSuffix, String status) {
        return summary.executions().stream()
                .filter(e -> e.stateMachine().endsWith(stateMachineSuffix) && e.status().equals(status)).count();
    }

    @Test
    void everyQueryBecomesAnImportedSegmentFileWithEveryUserAccountedFor() throws IOException {
        RunSummary summary = run(Map.of());

        assertThat(summary.allSucceeded()).as(console.toString()).isTrue();
        long queries;
        try (Stream<Path> inputs = Files.walk(data.resolve("personalize/batch"))) {
            queries = inputs.filter(p -> p.getFileName().toString().equals("job_config.json"))
                    .flatMap(p -> {
                        try {
                            return Files.readAllLines(p).stream().filter(l -> !l.isBlank());
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).count();
        }
        assertThat(summary.segments()).hasSize((int) queries);
        for (RunSummary.Segment segment : summary.segments()) {
            assertThat(segment.error()).as(segment.name()).isNull();
            assertThat(segment.users()).as(segment.name()).isEqualTo(30);
            assertThat(segment.usersWritten() + segment.usersWithoutEndpoint() + segment.optedOutUsers())
                    .as(segment.name()).isEqualTo(segment.users());
            List<String> rows = Files.readAllLines(Path.of(segment.csv()));
            assertThat(rows.get(0)).isEqualTo("Id");
            assertThat(rows).hasSize((int) segment.endpointsWritten() + 1);
            assertThat(segment.imported()).isEqualTo("SUCCEEDED");
            assertThat(segment.name()).matches("(ITEMS|item_).*_\\d{8}-\\d{6}");
        }
        assertThat(count(summary, "-training", "SUCCEEDED")).isEqualTo(1);
        assertThat(count(summary, "-segment-postprocessing", "SUCCEEDED")).isEqualTo(2);
        assertThat(count(summary, "-segment-import", "SUCCEEDED")).isEqualTo(queries + 1);
        assertThat(summary.emails()).isEqualTo(summary.executions().size());
        assertThat(outbox()).anySatisfy(mail -> assertThat(mail).contains("training complete for dataset group bingewatch"))
                .noneSatisfy(mail -> assertThat(mail).contains("@example.com"));
    }

    @Test
    void theTemplateDefaultsRunWithoutPinpointAndWriteUserIds() throws IOException {
        RunSummary summary = runExactly(Map.of());

        assertThat(summary.allSucceeded()).as(console.toString()).isTrue();
        assertThat(summary.pinpoint()).isFalse();
        assertThat(count(summary, "-segment-import", "SUCCEEDED")).isZero();
        assertThat(summary.segments()).isNotEmpty().allSatisfy(segment -> {
            assertThat(segment.imported()).isEqualTo(RunSummary.NO_PINPOINT);
            assertThat(Files.readAllLines(Path.of(segment.csv())).get(0)).isEqualTo("User.UserId");
            assertThat(segment.usersWritten()).isEqualTo(segment.users());
        });
        assertThat(console.toString()).contains("is not uploaded");
    }

    @Test
    void userIdFormWritesUserIdsWithoutLookups() throws IOException {
        RunSummary summary = run(Map.of("SegmentFileForm", "User.UserId"));

        assertThat(summary.allSucceeded()).as(console.toString()).isTrue();
        RunSummary.Segment first = summary.segments().get(0);
        List<String> rows = Files.readAllLines(Path.of(first.csv()));
        assertThat(rows.get(0)).isEqualTo("User.UserId");
        assertThat(rows).hasSize(31);
        assertThat(first.usersWritten()).isEqualTo(30);
    }

    @Test
    void anInvalidConfigFailsTrainingWithAnEmailNamingTheField() throws IOException {
        Path config = layout.trainingConfig();
        Files.writeString(config, Files.readString(config).replace("aws-item-affinity", "aws-user-personalization"));

        RunSummary summary = run(Map.of());

        assertThat(count(summary, "-training", "FAILED")).isEqualTo(1);
        assertThat(count(summary, "-segment-postprocessing", "SUCCEEDED")).isZero();
        assertThat(summary.segments()).isEmpty();
        assertThat(outbox()).anySatisfy(mail -> assertThat(mail)
                .contains("training failed")
                .contains("field solutions[1].serviceConfig.recipeArn")
                .contains("is not a user-segmentation recipe"));
    }

    @Test
    void aBadInteractionRowFailsTheImportJobAndTraining() throws IOException {
        Path interactions = layout.interactions();
        List<String> lines = Files.readAllLines(interactions);
        lines.set(5, lines.get(5).replaceAll(",\\d+$", ",yesterday"));
        Files.write(interactions, lines);

        RunSummary summary = run(Map.of());

        assertThat(count(summary, "-training", "FAILED")).isEqualTo(1);
        assertThat(outbox()).anySatisfy(mail -> assertThat(mail)
                .contains("interactions.csv, line 6, field TIMESTAMP")
                .contains("'yesterday'"));
    }

    @Test
    void aQueryPersonalizeCannotAnswerBecomesAFailedSegmentAndTheOthersAreWritten() throws IOException {
        Path input = layout.batchInput(layout.solutions().get(1));
        Files.writeString(input, "{\"itemId\": \"no-such-item\"}\n" + Files.readString(input));

        RunSummary summary = run(Map.of());

        assertThat(count(summary, "-segment-postprocessing", "FAILED")).isEqualTo(1);
        assertThat(summary.segments()).filteredOn(s -> s.error() != null).singleElement()
                .satisfies(s -> assertThat(s.error()).contains("no-such-item"));
        assertThat(summary.segments()).filteredOn(s -> s.error() == null).isNotEmpty()
                .allSatisfy(s -> assertThat(s.imported()).isEqualTo("SUCCEEDED"));
        assertThat(outbox()).anySatisfy(mail -> assertThat(mail).contains("1 of ").contains("segments failed"));
    }

    @Test
    void aBadEndpointFileIsNotImportedAtAll() throws IOException {
        Path endpoints = layout.endpoints();
        List<String> lines = Files.readAllLines(endpoints);
        lines.set(3, lines.get(3).replace("EMAIL", "PIGEON"));
        Files.write(endpoints, lines);

        RunSummary summary = run(Map.of());

        assertThat(summary.executions()).filteredOn(e -> e.stateMachine().endsWith("-segment-import")).first()
                .satisfies(e -> assertThat(e.status()).isEqualTo("FAILED"));
        assertThat(summary.endpoints()).isZero();
        assertThat(outbox()).anySatisfy(mail -> assertThat(mail).contains("endpoints.csv, line 4, field ChannelType")
                .contains("'PIGEON' is not a channel type"));
    }

    @Test
    void aSecondRunOnAWorkFolderInUseStopsAtOnceNamingTheFolderAndLeavesItAlone() throws IOException {
        Path work = dir.resolve("work");
        try (WorkFolderLock first = WorkFolderLock.acquire(work)) {
            Files.writeString(work.resolve(LocalRun.MARKER), "");
            Files.writeString(work.resolve("first-run.txt"), "in use");

            assertThatThrownBy(() -> run(Map.of()))
                    .isInstanceOf(InputException.class)
                    .hasMessageContaining(work.toString())
                    .hasMessageContaining("in use by another run");
            assertThat(work.resolve("first-run.txt")).hasContent("in use");
        }
        assertThat(run(Map.of()).allSucceeded()).as(console.toString()).isTrue();
        assertThat(work.resolve("first-run.txt")).doesNotExist();
    }
}
