package io.contextualtargeting.local.cli;

import io.contextualtargeting.engine.eval.Evaluation;
import io.contextualtargeting.engine.eval.EvaluationJson;
import io.contextualtargeting.engine.eval.EvaluationTable;
import io.contextualtargeting.engine.eval.HoldOutEvaluator;
import io.contextualtargeting.engine.eval.HoldOutSplit;
import io.contextualtargeting.engine.eval.LiftChartPage;
import io.contextualtargeting.engine.eval.ScoringMethod;
import io.contextualtargeting.engine.eval.StandardMethods;
import io.contextualtargeting.engine.segment.SegmentModel;
import io.contextualtargeting.formats.data.DataSource;
import io.contextualtargeting.formats.data.DatasetSchemas;
import io.contextualtargeting.formats.data.ItemColumns;
import io.contextualtargeting.formats.data.SchemaReader;
import io.contextualtargeting.formats.data.TrainingData;
import io.contextualtargeting.formats.data.TrainingDataReader;
import io.contextualtargeting.formats.query.QueryFileReader;
import io.contextualtargeting.formats.query.QueryLimits;
import io.contextualtargeting.formats.query.QueryLine;
import io.contextualtargeting.formats.query.SegmentQuery;
import io.contextualtargeting.local.personalize.EngineTraining;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code evaluate}: trains the engine and the baselines on the first 80 % of the interactions by
 * time and reports how well each one's segments catch the users who interact in the last 20 %.
 */
final class EvaluateCommand implements Command {
    private static final double TRAIN_SHARE = 0.8;

    @Override
    public String usage() {
        return "evaluate --interactions F --items F --queries F[,F...] [--users F] [--config training_config.json]"
                + " [--json] [--html report.html] [--verbose] " + TrainingOptions.USAGE;
    }

    @Override
    public int run(CliArgs args, PrintStream out, PrintStream err) throws Exception {
        DataSource interactions = DataSource.ofFile(args.requiredPath("interactions"));
        Optional<DataSource> items = args.option("items").map(Path::of).map(DataSource::ofFile);
        Optional<DataSource> users = args.option("users").map(Path::of).map(DataSource::ofFile);
        List<DataSource> queryFiles = new ArrayList<>();
        for (String file : args.required("queries").split(",")) {
            queryFiles.add(DataSource.ofFile(Path.of(file.trim())));
        }
        Optional<Path> config = args.option("config").map(Path::of);
        Optional<Path> html = args.option("html").map(Path::of);
        boolean json = args.flag("json");
        boolean verbose = args.flag("verbose");
        EngineTraining training = TrainingOptions.parse(args, TrainingOptions.fromConfig(config));
        args.rejectUnknown();
        PrintStream progress = json ? err : out;

        DatasetSchemas schemas = config.map(c -> SchemaReader.fromTrainingConfig(DataSource.ofFile(c)))
                .orElse(DatasetSchemas.NONE);
        if (schemas.items().isPresent()) {
            queries(queryFiles, ItemColumns.fromSchema(schemas.items().get())); // bad queries fail before reading data
        }
        long start = System.nanoTime();
        TrainingData data = TrainingDataReader.read(interactions, items, users, schemas);
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
        if (html.isPresent()) {
            if (html.get().toAbsolutePath().getParent() != null) {
                Files.createDirectories(html.get().toAbsolutePath().getParent());
            }
            try (Writer writer = Files.newBufferedWriter(html.get(), StandardCharsets.UTF_8)) {
                LiftChartPage.write(evaluation, writer);
            }
            progress.println("wrote " + html.get());
        }
        return 0;
    }

    private static List<SegmentQuery> queries(List<DataSource> files, ItemColumns columns) {
        List<SegmentQuery> queries = new ArrayList<>();
        for (DataSource file : files) {
            QueryFileReader.read(file, columns, QueryLimits.NONE).stream().map(QueryLine::query).forEach(queries::add);
        }
        return queries;
    }
}
