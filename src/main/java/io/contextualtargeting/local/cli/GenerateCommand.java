package io.contextualtargeting.local.cli;

import io.contextualtargeting.engine.generate.DatasetGenerator;
import io.contextualtargeting.engine.generate.GenerationSummary;
import io.contextualtargeting.engine.generate.GeneratorSettings;
import io.contextualtargeting.engine.generate.WorldShape;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code generate}: writes a synthetic dataset in the data/ layout and prints its size and throughput. */
@Command(name = "generate", header = "write a synthetic dataset in the data/ layout",
        description = {
    "Writes a synthetic dataset in the data/ layout (pinpoint/endpoints.csv, personalize/train and batch), ready for"
            + " `run --data DIR`; the same options give the same bytes on any machine. See docs/generator.md."})
final class GenerateCommand implements Callable<Integer> {
    private final Streams streams;
    private final LongSupplier nanoClock;

    @Option(names = "--out", required = true, paramLabel = "DIR", converter = OptionTypes.Folder.class,
            description = "The folder to write the dataset into.")
    Path root;

    @Mixin
    DatasetSizeOptions size;

    @Option(names = "--interactions-per-user", paramLabel = "X",
            description = "Interactions per user on average. Default: 50, at most a quarter of the items.")
    Integer interactionsPerUser;

    @Option(names = "--name", paramLabel = "NAME", description = "Dataset group name (train/NAME/NAME_config.json).")
    String name = GeneratorSettings.DEFAULT_NAME;

    @Option(names = "--num-results", paramLabel = "N",
            description = "numResults of the batch segment jobs. Default: 5%% of the users, at least 10.")
    Integer numResults;

    @Option(names = "--days", paramLabel = "D", description = "Days of history.")
    int days = GeneratorSettings.DEFAULT_DAYS;

    @Option(names = "--threads", paramLabel = "T",
            description = "Worker threads; the output does not depend on them. Default: the number of processors.")
    Integer threads;

    @Option(names = "--drift", paramLabel = "X", description = "How much tastes drift over time (0: not at all).")
    double drift = WorldShape.DEFAULT_DRIFT;

    @Option(names = "--events", paramLabel = "STYLE", converter = OptionTypes.EventStyles.class,
            completionCandidates = OptionTypes.EventStyles.class,
            description = "What an interaction records: ${COMPLETION-CANDIDATES}.")
    String events = WorldShape.EventStyle.WATCH.cliName();

    @Option(names = "--popularity-skew", paramLabel = "X", description = "Skew of the items' popularity.")
    double popularitySkew = WorldShape.DEFAULT_POPULARITY_SKEW;

    @Option(names = "--genres", paramLabel = "N", description = "Number of GENRES values (17 named; more adds"
            + " \"Genre N\"). Default: 17.")
    Integer genres;

    @Option(names = "--active-window", paramLabel = "MIN-MAX", description = "Share of the period each user is"
            + " active, a range or one number.")
    String activeWindow = WorldShape.DEFAULT_WINDOW_MIN + "-" + WorldShape.DEFAULT_WINDOW_MAX;

    @Option(names = "--activity-spread", paramLabel = "X", description = "How unequal the users' activity is.")
    double activitySpread = WorldShape.DEFAULT_ACTIVITY_SPREAD;

    GenerateCommand(Streams streams, LongSupplier nanoClock) {
        this.streams = streams;
        this.nanoClock = nanoClock;
    }

    @Override
    public Integer call() throws Exception {
        GeneratorSettings defaults = size.settings();
        GeneratorSettings settings = defaults
                .withInteractionsPerUser(interactionsPerUser == null ? defaults.interactionsPerUser() : interactionsPerUser)
                .withName(name)
                .withNumResults(numResults == null ? defaults.numResults() : numResults)
                .withDays(days)
                .withThreads(threads == null ? defaults.threads() : threads)
                .withShape(shape());

        long started = nanoClock.getAsLong();
        GenerationSummary summary = new DatasetGenerator().generate(settings, root);
        double seconds = Math.max(1e-9, (nanoClock.getAsLong() - started) / 1e9);

        PrintStream out = streams.out();
        out.printf(Locale.ROOT, "generated %s in %s: %,d users, %,d items, %,d interactions, %,d endpoints%n",
                settings.name(), root, summary.users(), summary.items(), summary.interactions(), summary.endpoints());
        out.printf(Locale.ROOT, "period %s .. %s (UTC); %d attribute queries, %d item queries, numResults %d%n",
                Instant.ofEpochSecond(summary.period().start()),
                Instant.ofEpochSecond(summary.period().end()),
                summary.queries().attributeExpressions().size(), summary.queries().itemIds().size(),
                settings.numResults());
        out.printf(Locale.ROOT, "wrote %,d CSV lines (%.1f MB) in %.2f s: %,.0f lines/s, %.1f MB/s, %d threads%n",
                summary.csvLines(), summary.csvBytes() / 1e6, seconds, summary.csvLines() / seconds,
                summary.csvBytes() / 1e6 / seconds, settings.threads());
        return Main.OK;
    }

    /** The world-shape options; each left out keeps the original model's value. */
    private WorldShape shape() {
        WorldShape defaults = WorldShape.defaults();
        double[] window = WorldShape.parseWindow(activeWindow);
        return defaults.withDrift(drift)
                .withEvents(WorldShape.EventStyle.ofCliName(events))
                .withPopularitySkew(popularitySkew)
                .withGenres(genres == null ? defaults.genres() : genres)
                .withActiveWindow(window[0], window[1])
                .withActivitySpread(activitySpread);
    }
}
