package io.contextualtargeting.engine.eval;

import io.contextualtargeting.engine.generate.DatasetGenerator;
import io.contextualtargeting.engine.generate.DatasetLayout;
import io.contextualtargeting.engine.generate.GenerationSummary;
import io.contextualtargeting.engine.generate.GeneratorSettings;
import io.contextualtargeting.engine.generate.SyntheticWorld;
import io.contextualtargeting.engine.model.TrainingParameters;
import io.contextualtargeting.engine.segment.ExplicitSettings;
import io.contextualtargeting.engine.segment.QuerySample;
import io.contextualtargeting.engine.segment.SegmentModel;
import io.contextualtargeting.formats.data.DataSource;
import io.contextualtargeting.formats.data.DatasetSchemas;
import io.contextualtargeting.formats.data.SchemaReader;
import io.contextualtargeting.formats.data.TrainingData;
import io.contextualtargeting.formats.data.TrainingDataReader;
import io.contextualtargeting.formats.query.QueryFileReader;
import io.contextualtargeting.formats.query.QueryKind;
import io.contextualtargeting.formats.query.QueryLimits;
import io.contextualtargeting.formats.query.QueryLine;
import io.contextualtargeting.formats.query.SegmentQuery;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The engine's quality against the baselines on generated data, written to a temporary folder that
 * is deleted afterwards, split by time 80/20. {@link #run} takes one dataset ("the default generate
 * benchmark" unless told otherwise) and evaluates its batch queries and a larger sample;
 * {@link #runMatrix} goes through {@link QualityMatrix} settings, one table and one target line
 * each. Prints figures; asserts nothing.
 */
public final class QualityBenchmark {
    static final int SAMPLED_ITEMS = 200;
    static final int SAMPLED_ATTRIBUTES = 20;
    static final int MATRIX_ITEMS = 100;
    static final int MATRIX_ATTRIBUTES = 20;
    private static final double TRAIN_SHARE = 0.8;
    private static final String PLANTED = "planted chances";

    private QualityBenchmark() {
    }

    /**
     * One matrix setting's evaluation of sampled queries, its target check, the same queries ranked by
     * the generator's planted chances ({@link PlantedScorer}: the ceiling no method reaches) and how long it all took.
     */
    public record SettingResult(MatrixSetting setting, Evaluation evaluation, TargetCheck check, Evaluation ceiling,
                                double seconds) {
        /** The ceiling's recall of one query kind at one share; NaN when no query of the kind was evaluated. */
        public double ceiling(QueryKind kind, double share) {
            return ceiling.results(kind).stream().filter(r -> r.method().equals(PLANTED)).findFirst()
                    .map(r -> r.recall()[ceiling.shareIndex(share)]).orElse(Double.NaN);
        }

        /** The ceiling in one line. */
        String ceilingSummary() {
            return String.format(Locale.ROOT, "planted ceiling item@1%% %.3f @10%% %.3f, attribute@1%% %.3f @10%% %.3f",
                    ceiling(QueryKind.ITEM, 0.01), ceiling(QueryKind.ITEM, 0.1), ceiling(QueryKind.ATTRIBUTE, 0.01),
                    ceiling(QueryKind.ATTRIBUTE, 0.1));
        }
    }

    /** A generated dataset split by time, while its folder exists. */
    private record HeldOutData(GeneratorSettings settings, Path folder, DatasetLayout layout, TrainingData data,
                               HoldOutSplit split) {
    }

    public static void run(GeneratorSettings settings, TrainingParameters parameters, PrintStream out) throws IOException {
        printMachine(out);
        onGeneratedData(settings, out, held -> {
            List<ScoringMethod> methods = train(held.split(), parameters, out);
            List<SegmentQuery> jobQueries = jobQueries(held);
            report("the generated batch queries", HoldOutEvaluator.evaluate(held.split(), jobQueries, methods), out);
            report(SAMPLED_ITEMS + " items spread over the popularity ranks and the most interacted attribute values",
                    HoldOutEvaluator.evaluate(held.split(), sampledQueries(held.split(), SAMPLED_ITEMS, SAMPLED_ATTRIBUTES),
                            methods), out);
            return null;
        });
    }

    /**
     * Every setting in turn: a table and a target line each, then one summary line per setting. With
     * {@code export}, each setting's split and item query results go to {@code export/<setting>/} ({@link SplitExport}).
     */
    public static void runMatrix(List<MatrixSetting> settings, TrainingParameters parameters, Optional<Path> export,
                                 PrintStream out) throws IOException {
        printMachine(out);
        List<SettingResult> results = new ArrayList<>();
        for (MatrixSetting setting : settings) {
            out.printf(Locale.ROOT, "%n##### %s: %s%n  generate %s%n", setting.name(), setting.description(),
                    setting.generateOptions());
            SettingResult result = evaluate(setting, parameters, export, out);
            report("sampled queries: " + MATRIX_ITEMS + " items, " + MATRIX_ATTRIBUTES + " attribute values",
                    result.evaluation(), out);
            out.println("ceiling, ranked by the generator's planted chances (no method knows them): " + result.ceilingSummary());
            out.printf(Locale.ROOT, "%s: %.1f s%n", setting.name(), result.seconds());
            results.add(result);
        }
        out.printf(Locale.ROOT, "%n===== summary: the engine against the best baseline =====%n");
        for (SettingResult result : results) {
            out.printf(Locale.ROOT, "%-18s %6.1f s  %s%n", result.setting().name(), result.seconds(),
                    result.check().summary());
        }
        long met = results.stream().filter(r -> r.check().met()).count();
        List<TargetCheck.Standing> standings = results.stream().flatMap(r -> r.check().standings().stream()).toList();
        out.printf(Locale.ROOT, "targets met on %d of %d settings; the engine behind the best baseline in %d of %d"
                        + " figures, by more than two standard errors in %d%n", met, results.size(),
                standings.stream().filter(s -> !s.met()).count(), standings.size(),
                standings.stream().filter(TargetCheck.Standing::clearlyBehind).count());
    }

    /** One matrix setting, quietly: what the CI quality test checks. */
    public static SettingResult evaluate(MatrixSetting setting, TrainingParameters parameters) throws IOException {
        return evaluate(setting, parameters, Optional.empty(), new PrintStream(OutputStream.nullOutputStream()));
    }

    private static SettingResult evaluate(MatrixSetting setting, TrainingParameters parameters, Optional<Path> export,
                                          PrintStream out) throws IOException {
        long start = System.nanoTime();
        return onGeneratedData(setting.generator(), out, held -> {
            List<SegmentQuery> queries = sampledQueries(held.split(), MATRIX_ITEMS, MATRIX_ATTRIBUTES);
            Evaluation measured = HoldOutEvaluator.evaluate(held.split(), queries, train(held.split(), parameters, out));
            if (export.isPresent()) {
                Path folder = export.get().resolve(setting.name());
                SplitExport.write(folder, setting.name(), held.split(), parameters.weighting(), measured);
                out.printf(Locale.ROOT, "exported the split and the item queries to %s%n", folder);
            }
            PlantedScorer planted = new PlantedScorer(SyntheticWorld.create(setting.generator()), held.split());
            Evaluation ceiling = HoldOutEvaluator.evaluate(held.split(), queries, List.of(new ScoringMethod(PLANTED, planted)));
            return new SettingResult(setting, measured, TargetCheck.of(measured), ceiling, (System.nanoTime() - start) / 1e9);
        });
    }

    /** The engine and every baseline, trained on the training side: the one place they are trained. */
    private static List<ScoringMethod> train(HoldOutSplit split, TrainingParameters parameters, PrintStream out) {
        long start = System.nanoTime();
        List<ScoringMethod> methods = StandardMethods.train(split.training(), parameters, ExplicitSettings.none());
        out.printf(Locale.ROOT, "trained on %,d interactions in %.1f s (%d factors, %d iterations, %d threads)%n",
                split.training().interactionCount(), (System.nanoTime() - start) / 1e9, parameters.factors(),
                parameters.iterations(), parameters.threads());
        if (methods.get(0).scorer() instanceof SegmentModel engine) {
            engine.selection().lines().forEach(out::println);
        }
        return methods;
    }

    private interface HeldOutTask<T> {
        T apply(HeldOutData held) throws IOException;
    }

    /** Generates into a temporary folder, reads and splits the data, runs the task, deletes the folder. */
    private static <T> T onGeneratedData(GeneratorSettings settings, PrintStream out, HeldOutTask<T> task)
            throws IOException {
        Path folder = Files.createTempDirectory("quality-benchmark");
        try {
            GenerationSummary generated = new DatasetGenerator().generate(settings, folder);
            DatasetLayout layout = generated.layout();
            out.printf(Locale.ROOT, "generated %,d users, %,d items, %,d interactions (seed %d) in %s%n",
                    generated.users(), generated.items(), generated.interactions(), settings.seed(), folder);
            DatasetSchemas schemas = SchemaReader.fromTrainingConfig(DataSource.ofFile(layout.trainingConfig()));
            TrainingData data = TrainingDataReader.read(DataSource.ofFile(layout.interactions()),
                    Optional.of(DataSource.ofFile(layout.items())), Optional.empty(), schemas);
            return task.apply(new HeldOutData(settings, folder, layout, data, HoldOutSplit.byTime(data, TRAIN_SHARE)));
        } finally {
            delete(folder);
        }
    }

    private static List<SegmentQuery> jobQueries(HeldOutData held) throws IOException {
        List<SegmentQuery> queries = new ArrayList<>();
        for (String solution : held.layout().solutions()) {
            QueryFileReader.read(DataSource.ofFile(held.layout().batchInput(solution)), held.data().attributes().columns(),
                    QueryLimits.NONE).stream().map(QueryLine::query).forEach(queries::add);
        }
        return queries;
    }

    private static List<SegmentQuery> sampledQueries(HoldOutSplit split, int items, int attributes) {
        List<SegmentQuery> queries = new ArrayList<>(QuerySample.items(split.training(), items));
        queries.addAll(QuerySample.attributes(split.training(), attributes));
        return queries;
    }

    private static void report(String title, Evaluation evaluation, PrintStream out) {
        out.printf(Locale.ROOT, "%n=== %s ===%n", title);
        EvaluationTable.print(evaluation, false, out);
        out.println();
        out.println("targets: " + TargetCheck.of(evaluation).summary());
    }

    private static void printMachine(PrintStream out) {
        out.printf(Locale.ROOT, "machine: %d processors, java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
