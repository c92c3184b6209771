package io.contextualtargeting.local.cli;

import io.contextualtargeting.engine.eval.Evaluation;
import io.contextualtargeting.engine.eval.EvaluationJson;
import io.contextualtargeting.engine.eval.EvaluationTable;
import io.contextualtargeting.engine.eval.HoldOutEvaluator;
import io.contextualtargeting.engine.eval.HoldOutSplit;
import io.contextualtargeting.engine.eval.LiftChartPage;
import io.contextualtargeting.engine.eval.ScoringMethod;
import io.contextualtargeting.engine.eval.SplitExport;
import io.contextualtargeting.engine.eval.StandardMethods;
import io.contextualtargeting.engine.segment.SegmentModel;
import io.contextualtargeting.formats.data.DataSource;
import io.contextualtargeting.formats.data.DatasetSchemas;
import io.contextualtargeting.formats.data.ItemColumns;
import io.contextualtargeting.formats.data.TrainingData;
import io.contextualtargeting.formats.query.QueryFileReader;
import io.contextualtargeting.formats.query.QueryLimits;
import io.contextualtargeting.formats.query.QueryLine;
import io.contextualtargeting.formats.query.SegmentQuery;
import io.contextualtargeting.embedded.EngineTraining;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code evaluate}: trains the engine and the baselines on the first 80 % of the interactions by
 * time and reports how well each one's segments catch the users who interact in the last 20 %.
 */
@Command(name = "evaluate", header = "held-out evaluation of the engine against baselines",
        description = {
    "Trains the engine and the baselines a marketer would try first (most active, last active, past matching"
            + " interactions, recent history) on the first 80%% of the interactions by time, and reports how well each"
            + " one's segments catch the users who interact in the last 20%%.",
    "Progress goes to stderr with --json, which prints the evaluation alone on stdout."})
final class EvaluateCommand implements Callable<Integer> {
    private static final double TRAIN_SHARE = 0.8;
    private final Streams streams;

    @Option(names = "--queries", required = true, split = "\\s*,\\s*", paramLabel = "FILE",
            converter = OptionTypes.InputFile.class,
            description = "Batch segment job inputs (job_config.json), comma-separated: the queries to evaluate.")
    List<Path> queryFiles;

    @Option(names = "--json", description = "Print the evaluation as JSON, alone on stdout.")
    boolean json;

    @Option(names = "--html", paramLabel = "FILE", converter = OptionTypes.OutputFile.class,
            description = "Also write an HTML lift chart to this file.")
    Path html;

    @Option(names = "--export", paramLabel = "DIR", converter = OptionTypes.Folder.class,
            description = "Also write the split, the kept item queries' positives and every method's item recall to DIR"
                    + " (train.csv, positives.csv, meta.json, as benchmark quality --export writes them), to score"
                    + " another library on the same split: bench/spark-als/run DIR (docs/benchmarks.md).")
    Path export;

    @Option(names = "--verbose", description = "Print every query's figures, not only the totals.")
    boolean verbose;

    @Mixin
    DataFileOptions files;

    EvaluateCommand(Streams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() throws Exception {
        PrintStream out = streams.out();
        EngineTraining training = files.training();
        PrintStream progress = streams.progress(json);
        List<DataSource> queryFiles = this.queryFiles.stream().map(DataSource::ofFile).toList();

        DatasetSchemas schemas = files.schemas();
        if (schemas.items().isPresent()) {
            queries(queryFiles, ItemColumns.fromSchema(schemas.items().get())); // bad queries fail before reading data
        }
        long start = System.nanoTime();
        TrainingData data = files.read(schemas);
        List<SegmentQuery> queries = queries(queryFiles, data.attributes().columns());
        HoldOutSplit split = HoldOutSplit.byTime(data, TRAIN_SHARE);
        long read = System.nanoTime();
        progress.printf("read %,d interactions and %d queries in %.1f s%n", data.interactionCount(), queries.size(),
                (read - start) / 1e9);
        List<ScoringMethod> methods = StandardMethods.train(split.training(), training.parameters(), training.explicit());
        if (methods.get(0).scorer() instanceof SegmentModel engine) {
            engine.selection().lines().forEach(progress::println);
        }
        Evaluation evaluation = HoldOutEvaluator.evaluate(split, queries, methods);
        progress.printf("trained and evaluated in %.1f s%n", (System.nanoTime() - read) / 1e9);

        if (json) {
            EvaluationJson.write(evaluation, out);
        } else {
            EvaluationTable.print(evaluation, verbose, out);
        }
        if (html != null) {
            if (html.toAbsolutePath().getParent() != null) {
                Files.createDirectories(html.toAbsolutePath().getParent());
            }
            try (Writer writer = Files.newBufferedWriter(html, StandardCharsets.UTF_8)) {
                LiftChartPage.write(evaluation, writer);
            }
            progress.println("wrote " + html);
        }
        if (export != null) {
            Path name = export.toAbsolutePath().normalize().getFileName(); // as bench/spark-als names the split
            SplitExport.write(export, name == null ? "evaluate" : name.toString(), split, training.parameters().weighting(),
                    evaluation);
            progress.println("exported the split and the item queries to " + export);
        }
        return Main.OK;
    }

    private static List<SegmentQuery> queries(List<DataSource> files, ItemColumns columns) {
        List<SegmentQuery> queries = new ArrayList<>();
        for (DataSource file : files) {
            QueryFileReader.read(file, columns, QueryLimits.NONE).stream().map(QueryLine::query).forEach(queries::add);
        }
        return queries;
    }
}
