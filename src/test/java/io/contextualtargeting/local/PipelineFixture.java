package io.contextualtargeting.local;

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
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A tiny generated dataset in the data/ layout (100 users, 40 items, 3 queries per batch segment
 * job), copied for each case so that a case may break it, and run through the whole local pipeline
 * on a fixed clock: every upload of a run happens in the same second.
 */
final class PipelineFixture {
    static final GeneratorSettings SETTINGS = GeneratorSettings.of(100, 40, 11).withInteractionsPerUser(8)
            .withNumResults(10).withThreads(1);
    static final Instant NOW = Instant.parse("2026-11-28T10:15:00Z");
    static final int QUERIES_PER_JOB = 3;

    private final Path dir;
    private final AtomicReference<Predicate<String>> held = new AtomicReference<>(id -> false);
    private final Path data;
    private final DatasetLayout layout;

    /** A fresh copy of the dataset generated in {@code base}, in {@code dir}. */
    PipelineFixture(Path base, Path dir) {
        this.dir = dir;
        this.data = dir.resolve("data");
        this.layout = new DatasetLayout(data, SETTINGS.name());
        copyTree(base, data);
    }

    /** Generates the dataset once per test class; keeps the first queries of each job so a run stays short. */
    static void generate(Path base) throws IOException {
        generate(base, SETTINGS);
    }

    /** Generates a dataset of other settings (another name, another seed) the same way. */
    static void generate(Path base, GeneratorSettings settings) throws IOException {
        new DatasetGenerator().generate(settings, base);
        DatasetLayout layout = new DatasetLayout(base, settings.name());
        for (String solution : layout.solutions()) {
            Path input = layout.batchInput(solution);
            Files.write(input, Files.readAllLines(input).stream().limit(QUERIES_PER_JOB).toList());
        }
    }

    DatasetLayout layout() {
        return layout;
    }

    Path interactions() {
        return layout.interactions();
    }

    Path items() {
        return layout.items();
    }

    Path users() {
        return layout.users();
    }

    Path endpoints() {
        return layout.endpoints();
    }

    Path config() {
        return layout.trainingConfig();
    }

    Path attributeQueries() {
        return layout.batchInput(layout.attributeAffinitySolution());
    }

    Path itemQueries() {
        return layout.batchInput(layout.itemAffinitySolution());
    }

    /** Line {@code number} (1-based) of a file. */
    static String line(Path file, int number) {
        return lines(file).get(number - 1);
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewrites line {@code number} (1-based) of a file. */
    static void editLine(Path file, int number, UnaryOperator<String> edit) {
        List<String> lines = new ArrayList<>(lines(file));
        lines.set(number - 1, edit.apply(lines.get(number - 1)));
        write(file, String.join("\n", lines) + "\n");
    }

    static void append(Path file, String... lines) {
        write(file, read(file) + String.join("\n", lines) + "\n");
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The end-to-end tests exercise the Pinpoint path (endpoint look-ups and imports), which the
     * template's defaults leave out since Pinpoint's end of support; a test's parameters override these.
     */
    static final Map<String, String> WITH_PINPOINT = Map.of("PinpointProjectId", "create", "SegmentFileForm", "Id");

    /**
     * Keeps the work whose id matches in progress from now on, as a training or an import that never
     * finishes would: Personalize resources by ARN, Pinpoint import jobs by id; {@code id -> false} lets all finish.
     */
    void hold(Predicate<String> ids) {
        held.set(ids);
    }

    PipelineRun run() {
        return run(Map.of(), cloud -> { });
    }

    /**
     * Runs the pipeline as the {@code run} command does, with the executor's waits at scale 0.
     *
     * @param beforeUploads sees the cloud before anything is uploaded (to drive the local stand-ins)
     */
    PipelineRun run(Map<String, String> parameters, Consumer<LocalCloud> beforeUploads) {
        return run(parameters, Clock.fixed(NOW, ZoneOffset.UTC), beforeUploads);
    }

    /** @param clock the time of events and segment names (a test may move it between uploads) */
    PipelineRun run(Map<String, String> parameters, Clock clock, Consumer<LocalCloud> beforeUploads) {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        Path work = dir.resolve("work");
        Map<String, String> withPinpoint = new HashMap<>(WITH_PINPOINT);
        withPinpoint.putAll(parameters);
        LocalCloud.Settings settings = new LocalCloud.Settings(work, TemplateSource.classpath(LocalCloud.TEMPLATES),
                withPinpoint, TrainingParameters.defaults().withFactors(8).withIterations(2).withThreads(1), 0,
                ExecutionListener.NONE, out, clock, id -> held.get().test(id));
        LocalCloud[] cloud = new LocalCloud[1];
        RunSummary summary = new LocalRun(data, settings).run(out, started -> {
            cloud[0] = started;
            beforeUploads.accept(started);
        });
        return new PipelineRun(summary, cloud[0], work, console);
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
