package io.contextualtargeting.local.cli;

import io.contextualtargeting.embedded.EngineTraining;
import io.contextualtargeting.engine.batch.BatchSegmentRunner;
import io.contextualtargeting.engine.model.TrainingParameters;
import io.contextualtargeting.engine.segment.SegmentModel;
import io.contextualtargeting.formats.batch.BatchSegmentSummary;
import io.contextualtargeting.formats.data.DataSource;
import io.contextualtargeting.formats.data.DatasetSchemas;
import io.contextualtargeting.formats.data.ItemColumns;
import io.contextualtargeting.formats.data.TrainingData;
import io.contextualtargeting.formats.query.QueryFileReader;
import io.contextualtargeting.formats.query.QueryKind;
import io.contextualtargeting.formats.query.QueryLimits;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code segment}: trains the embedded engine on data files and writes a batch segment job output file,
 * one line per query; exits with 1 when any query line failed (its output line holds the error).
 */
@Command(name = "segment", header = "train the engine and write a batch segment job output",
        description = {
    "Trains the embedded engine on CSV files in Personalize's format and writes a batch segment job output"
            + " (one JSON line per query, as Personalize writes it), the chosen settings next to it (OUT.settings.json).",
    "Exits with 1 when a query line failed; its output line holds the error."})
final class SegmentCommand implements Callable<Integer> {
    private final Streams streams;

    @Option(names = "--queries", required = true, paramLabel = "FILE", converter = OptionTypes.InputFile.class,
            description = "Batch segment job input (job_config.json): one query a line, such as {\"itemId\": \"105\"}.")
    Path queries;

    @Option(names = "--num-results", required = true, paramLabel = "N",
            description = "Users per segment at most (Personalize's numResults).")
    Integer numResults;

    @Option(names = "--out", required = true, paramLabel = "FILE", converter = OptionTypes.OutputFile.class,
            description = "The batch segment job output file to write (its folders are created).")
    Path output;

    @Option(names = "--no-limits", description = "Lift Personalize's query limits (500 item lines, 10 attribute lines,"
            + " 5 million results).")
    boolean noLimits;

    @Mixin
    DataFileOptions files;

    SegmentCommand(Streams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() throws Exception {
        PrintStream out = streams.out();
        EngineTraining training = files.training();
        QueryLimits limits = noLimits ? QueryLimits.NONE : QueryLimits.PERSONALIZE;
        DataSource queries = DataSource.ofFile(this.queries);
        BatchSegmentRunner.checkNumResults(numResults, limits);

        DatasetSchemas schemas = files.schemas();
        if (schemas.items().isPresent()) {
            // as the workflow does on upload: a bad job input fails before any training
            QueryFileReader.read(queries, ItemColumns.fromSchema(schemas.items().get()), limits);
        }
        long start = System.nanoTime();
        TrainingData data = files.read(schemas);
        long read = System.nanoTime();
        out.printf("read %,d interactions: %,d users, %,d items (%,d with metadata) in %.1f s%n",
                data.interactionCount(), data.userCount(), data.itemCount(), data.catalogItemCount(), seconds(start, read));
        Set<QueryKind> kinds = QueryFileReader.read(queries, data.attributes().columns(), limits).stream()
                .map(line -> QueryKind.of(line.query())).collect(Collectors.toCollection(() -> EnumSet.noneOf(QueryKind.class)));

        SegmentModel model = training.train(data, kinds); // only the kinds asked are validated
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
        return exitCode(summary, output, streams.err());
    }

    /** 1 when a query line failed, as {@code run} fails when a segment does; the output file is complete either way. */
    private static int exitCode(BatchSegmentSummary summary, Path output, PrintStream err) {
        if (summary.failed() == 0) {
            return Main.OK;
        }
        err.printf("error: %d of %d query lines failed; their lines in %s hold the error%n", summary.failed(),
                summary.answered() + summary.failed(), output);
        return Main.FAILED;
    }

    /** Next to the output: {@code out.json} -> {@code out.json.settings.json}. */
    static Path settingsFile(Path output) {
        return output.resolveSibling(output.getFileName() + ".settings.json");
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }
}
