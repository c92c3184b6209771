package io.contextualtargeting.local.cli;

import io.contextualtargeting.engine.batch.BatchSegmentRunner;
import io.contextualtargeting.engine.model.TrainingParameters;
import io.contextualtargeting.engine.segment.SegmentModel;
import io.contextualtargeting.formats.batch.BatchSegmentSummary;
import io.contextualtargeting.formats.data.DataSource;
import io.contextualtargeting.formats.data.DatasetSchemas;
import io.contextualtargeting.formats.data.ItemColumns;
import io.contextualtargeting.formats.data.SchemaReader;
import io.contextualtargeting.formats.data.TrainingData;
import io.contextualtargeting.formats.data.TrainingDataReader;
import io.contextualtargeting.formats.query.QueryFileReader;
import io.contextualtargeting.formats.query.QueryLimits;
import io.contextualtargeting.local.personalize.EngineTraining;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code segment}: trains the embedded engine on data files and writes a batch segment job output file,
 * one line per query; exits with 1 when any query line failed (its output line holds the error).
 */
final class SegmentCommand implements Command {

    @Override
    public String usage() {
        return "segment --interactions F [--items F] [--users F] --queries F --num-results N --out F"
                + " [--config training_config.json] " + TrainingOptions.USAGE + " [--no-limits]";
    }

    @Override
    public int run(CliArgs args, PrintStream out, PrintStream err) throws Exception {
        DataSource interactions = DataSource.ofFile(args.requiredPath("interactions"));
        Optional<DataSource> items = args.option("items").map(Path::of).map(DataSource::ofFile);
        Optional<DataSource> users = args.option("users").map(Path::of).map(DataSource::ofFile);
        DataSource queries = DataSource.ofFile(args.requiredPath("queries"));
        int numResults = args.intOption("num-results", -1);
        if (numResults == -1) {
            throw new CliArgs.UsageException("missing option --num-results");
        }
        Path output = args.requiredPath("out");
        Optional<Path> config = args.option("config").map(Path::of);
        EngineTraining training = TrainingOptions.parse(args, TrainingOptions.fromConfig(config));
        QueryLimits limits = args.flag("no-limits") ? QueryLimits.NONE : QueryLimits.PERSONALIZE;
        args.rejectUnknown();
        BatchSegmentRunner.checkNumResults(numResults, limits);

        DatasetSchemas schemas = config.map(c -> SchemaReader.fromTrainingConfig(DataSource.ofFile(c)))
                .orElse(DatasetSchemas.NONE);
        if (schemas.items().isPresent()) {
            // as the workflow does on upload: a bad job input fails before any training
            QueryFileReader.read(queries, ItemColumns.fromSchema(schemas.items().get()), limits);
        }
        long start = System.nanoTime();
        TrainingData data = TrainingDataReader.read(interactions, items, users, schemas);
        long read = System.nanoTime();
        out.printf("read %,d interactions: %,d users, %,d items (%,d with metadata) in %.1f s%n",
                data.interactionCount(), data.userCount(), data.itemCount(), data.catalogItemCount(), seconds(start, read));
        QueryFileReader.read(queries, data.attributes().columns(), limits);

        SegmentModel model = training.train(data);
        TrainingParameters parameters = training.parameters();
        long trained = System.nanoTime();
        out.printf("trained %d factors x %d iterations on %d threads in %.1f s; %,d users can be ranked%n",
                parameters.factors(), parameters.iterations(), parameters.threads(), seconds(read, trained),
                model.rankableUserCount());
        model.selection().lines().forEach(out::println);

        if (output.toAbsolutePath().getParent() != null) {
            Files.createDirectories(output.toAbsolutePath().getParent());
        }
        Path settings = settingsFile(output);
        Files.writeString(settings, model.selection().toJson() + "\n");
        out.printf("wrote the chosen settings and their validation figures to %s%n", settings);
        BatchSegmentSummary summary;
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(output), 1 << 16)) {
            summary = BatchSegmentRunner.run(model, queries, file, numResults, limits);
        }
        out.printf("answered %d of %d queries (%d users each at most) in %.1f s; wrote %s%n", summary.answered(),
                summary.answered() + summary.failed(), numResults, seconds(trained, System.nanoTime()), output);
        for (BatchSegmentSummary.FailedLine failure : summary.failures()) {
            out.printf("  line %d failed: %s%n", failure.line(), failure.error());
        }
        return exitCode(summary, output, err);
    }

    /** 1 when a query line failed, as {@code run} fails when a segment does; the output file is complete either way. */
    private static int exitCode(BatchSegmentSummary summary, Path output, PrintStream err) {
        if (summary.failed() == 0) {
            return 0;
        }
        err.printf("error: %d of %d query lines failed; their lines in %s hold the error%n", summary.failed(),
                summary.answered() + summary.failed(), output);
        return 1;
    }

    /** Next to the output: {@code out.json} -> {@code out.json.settings.json}. */
    static Path settingsFile(Path output) {
        return output.resolveSibling(output.getFileName() + ".settings.json");
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }
}
