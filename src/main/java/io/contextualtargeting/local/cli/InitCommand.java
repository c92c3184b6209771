package io.contextualtargeting.local.cli;

import io.contextualtargeting.engine.generate.DataFolderInit;
import io.contextualtargeting.engine.generate.GeneratorSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code init}: one's own CSV files into a data folder ready for {@code run --data DIR} and the AWS upload. */
@Command(name = "init", header = "turn your own CSV files into a data folder for run and the AWS upload",
        description = {
    "Copies your CSV files into the data/ layout, infers the Avro schemas of the training config from their headers"
            + " and values (personal columns such as E_MAIL stay out), and writes batch segment job inputs for the"
            + " most interacted items and attribute values. Bad input stops it with the file, line and field; it"
            + " never leaves a half-written folder."})
final class InitCommand implements Callable<Integer> {
    static final int DEFAULT_TOP = 5;

    private final Streams streams;
    private final Clock clock;

    @Mixin
    CsvFileOptions csv;

    @Option(names = "--endpoints", paramLabel = "F", converter = OptionTypes.InputFile.class,
            description = "Pinpoint endpoints CSV, copied to pinpoint/endpoints.csv (only used with a Pinpoint project).")
    Path endpoints;

    @Option(names = "--out", required = true, paramLabel = "DIR", converter = OptionTypes.Folder.class,
            description = "The data folder to write; refused when it is not empty, unless --force.")
    Path out;

    @Option(names = "--name", paramLabel = "NAME", description = "Dataset group name (train/NAME/NAME_config.json).")
    String name = "mydata";

    @Option(names = "--top", paramLabel = "N",
            description = "Queries: the N most interacted items and, per categorical items column, its N values with the"
                    + " most interactions (at most 10 attribute queries in all, Personalize's limit).")
    int top = DEFAULT_TOP;

    @Option(names = "--num-results", paramLabel = "N",
            description = "numResults of the batch segment jobs. Default: 5%% of the users, at least 10.")
    Integer numResults;

    @Option(names = "--force", description = "Replace a non-empty --out folder.")
    boolean force;

    InitCommand(Streams streams, Clock clock) {
        this.streams = streams;
        this.clock = clock;
    }

    @Override
    public Integer call() throws Exception {
        if (top < 1 || top > 500) {
            throw new UsageException("--top must be from 1 to 500, not " + top);
        }
        if (numResults != null && (numResults < 1 || numResults > GeneratorSettings.MAX_NUM_RESULTS)) {
            throw new UsageException("--num-results must be from 1 to " + GeneratorSettings.MAX_NUM_RESULTS);
        }
        if (!name.matches("[a-zA-Z0-9][a-zA-Z0-9_-]{0,39}")) {
            throw new UsageException("--name '" + name + "': use 1 to 40 letters, digits, '-' and '_',"
                    + " starting with a letter or digit (it names Personalize resources)");
        }
        DataFolderInit.Summary summary = new DataFolderInit().write(new DataFolderInit.Request(csv.interactions,
                Optional.ofNullable(csv.items), Optional.ofNullable(csv.users), Optional.ofNullable(endpoints), out, name, top,
                numResults, force, clock));

        PrintStream o = streams.out();
        o.printf(Locale.ROOT, "wrote %s: %,d interactions, %,d users, %,d items; numResults %d%n", out,
                summary.interactions(), summary.users(), summary.items(), summary.numResults());
        summary.files().forEach(f -> o.println("  " + out.resolve(f)));
        o.println("schemas:");
        summary.schemas().forEach(s -> o.println("  " + s));
        o.printf(Locale.ROOT, "queries: %d attribute values, %d items%n",
                summary.queries().attributeExpressions().size(), summary.queries().itemIds().size());
        summary.queries().attributeExpressions().forEach(q -> o.println("  " + q));
        o.println("  itemId " + String.join(", ", summary.queries().itemIds()));
        summary.notes().forEach(n -> o.println("note: " + n));
        o.println("next:");
        o.println("  java -jar target/contextual-targeting-local.jar run --data " + out);
        if (endpoints != null) {
            o.println("  aws s3 sync " + out.resolve("pinpoint") + " s3://$SEGMENT_IMPORT_BUCKET/pinpoint"
                    + "    # only with a Pinpoint project");
        }
        o.println("  aws s3 sync " + out.resolve("personalize") + " s3://$PERSONALIZE_BUCKET");
        return Main.OK;
    }
}
