package io.contextualtargeting.engine.eval;

import io.contextualtargeting.engine.query.QuerySample;
import io.contextualtargeting.engine.query.QueryKind;
import io.contextualtargeting.engine.data.DataSource;
import io.contextualtargeting.engine.data.DatasetSchemas;
import io.contextualtargeting.engine.data.SchemaReader;
import io.contextualtargeting.engine.data.TrainingData;
import io.contextualtargeting.engine.data.TrainingDataReader;
import io.contextualtargeting.engine.generate.DatasetGenerator;
import io.contextualtargeting.engine.generate.DatasetLayout;
import io.contextualtargeting.engine.generate.GenerationSummary;
import io.contextualtargeting.engine.generate.GeneratorSettings;
import io.contextualtargeting.engine.model.TrainingParameters;
import io.contextualtargeting.engine.query.QueryFileReader;
import io.contextualtargeting.engine.query.QueryLimits;
import io.contextualtargeting.engine.query.QueryLine;
import io.contextualtargeting.engine.query.SegmentQuery;
import io.contextualtargeting.engine.segment.ExplicitSettings;
import io.contextualtargeting.engine.segment.SegmentModel;
import java.io.IOException;
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
 * The engine's quality on a generated dataset ("the default generate benchmark" unless told
 * otherwise), written to a temporary folder that is deleted afterwards. Evaluates the generated
 * batch queries and a larger sample (items over the whole popularity range, every genre), prints
 * the tables and how the engine stands against the targets. Prints figures; asserts nothing.
 */
public final class QualityBenchmark {
    static final int SAMPLED_ITEMS = 200;
    static final int SAMPLED_ATTRIBUTES = 20;
    /** Item queries: the engine's recall at 1 % must reach this multiple of the best of the issue's baselines. */
    static final double ITEM_TARGET = 1.6;
    private static final List<String> ISSUE_BASELINES =
            List.of(StandardMethods.HISTORY, StandardMethods.MOST_ACTIVE, Evaluation.RANDOM);

    private QualityBenchmark() {
    }

    public static void run(GeneratorSettings settings, TrainingParameters parameters, PrintStream out) throws IOException {
        Path folder = Files.createTempDirectory("quality-benchmark");
        try {
            out.printf(Locale.ROOT, "machine: %d processors, java %s%n", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"));
            GenerationSummary generated = new DatasetGenerator().generate(settings, folder);
            DatasetLayout layout = generated.layout();
            out.printf(Locale.ROOT, "generated %,d users, %,d items, %,d interactions (seed %d) in %s%n",
                    generated.users(), generated.items(), generated.interactions(), settings.seed(), folder);
            DatasetSchemas schemas = SchemaReader.fromTrainingConfig(DataSource.ofFile(layout.trainingConfig()));
            TrainingData data = TrainingDataReader.read(DataSource.ofFile(layout.interactions()),
                    Optional.of(DataSource.ofFile(layout.items())), Optional.empty(), schemas);
            HoldOutSplit split = HoldOutSplit.byTime(data, 0.8);
            long start = System.nanoTime();
            List<ScoringMethod> methods = StandardMethods.train(split.training(), parameters, ExplicitSettings.none());
            out.printf(Locale.ROOT, "trained on %,d interactions in %.1f s (%d factors, %d iterations, %d threads)%n",
                    split.training().interactionCount(), (System.nanoTime() - start) / 1e9, parameters.factors(),
                    parameters.iterations(), parameters.threads());
            if (methods.get(0).scorer() instanceof SegmentModel engine) {
                engine.selection().lines().forEach(out::println);
            }

            List<SegmentQuery> jobQueries = new ArrayList<>();
            for (String solution : layout.solutions()) {
                QueryFileReader.read(DataSource.ofFile(layout.batchInput(solution)), data.attributes().columns(),
                        QueryLimits.NONE).stream().map(QueryLine::query).forEach(jobQueries::add);
            }
            List<SegmentQuery> sampled = new ArrayList<>(QuerySample.items(split.training(), SAMPLED_ITEMS));
            sampled.addAll(QuerySample.attributes(split.training(), SAMPLED_ATTRIBUTES));
            report("the generated batch queries", HoldOutEvaluator.evaluate(split, jobQueries, methods), out);
            report(SAMPLED_ITEMS + " items spread over the popularity ranks and the most interacted attribute values",
                    HoldOutEvaluator.evaluate(split, sampled, methods), out);
        } finally {
            delete(folder);
        }
    }

    private static void report(String title, Evaluation evaluation, PrintStream out) {
        out.printf(Locale.ROOT, "%n=== %s ===%n", title);
        EvaluationTable.print(evaluation, false, out);
        out.println();
        List<MethodResult> items = evaluation.results(QueryKind.ITEM);
        if (!items.isEmpty()) {
            int one = evaluation.shareIndex(0.01);
            MethodResult best = best(items, one);
            double ratio = items.get(0).recall()[one] / best.recall()[one];
            out.printf(Locale.ROOT, "target item recall@1%% >= %.1fx the best of history, most active, random: engine %.3f,"
                            + " %s %.3f: %s, %s; against recent history %.3f: %s%n", ITEM_TARGET,
                    items.get(0).recall()[one], best.method(), best.recall()[one], times(ratio),
                    ratio >= ITEM_TARGET ? "met" : "MISSED", recent(items).recall()[one],
                    times(items.get(0).recall()[one] / recent(items).recall()[one]));
        }
        List<MethodResult> attributes = evaluation.results(QueryKind.ATTRIBUTE);
        for (double share : new double[] {0.01, 0.10}) {
            if (attributes.isEmpty()) {
                break;
            }
            int f = evaluation.shareIndex(share);
            MethodResult best = best(attributes, f);
            double engine = attributes.get(0).recall()[f];
            out.printf(Locale.ROOT, "target attribute recall@%s ahead of the best of history, most active, random:"
                            + " engine %.3f, %s %.3f: %s; against recent history %.3f: %s%n", evaluation.shareLabel(f),
                    engine, best.method(), best.recall()[f], engine > best.recall()[f] ? "met" : "MISSED",
                    recent(attributes).recall()[f], engine > recent(attributes).recall()[f] ? "ahead" : "behind");
        }
    }

    /** A ratio as "1.79x", or "-" when its denominator was 0. */
    private static String times(double ratio) {
        return Double.isFinite(ratio) ? String.format(Locale.ROOT, "%.2fx", ratio) : "-";
    }

    private static MethodResult best(List<MethodResult> results, int share) {
        return results.stream().filter(r -> ISSUE_BASELINES.contains(r.method()))
                .max(Comparator.comparingDouble(r -> r.recall()[share])).orElseThrow();
    }

    private static MethodResult recent(List<MethodResult> results) {
        return results.stream().filter(r -> r.method().equals(StandardMethods.RECENT_HISTORY)).findFirst().orElseThrow();
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
