package io.contextualtargeting.local.cli;

import io.contextualtargeting.engine.generate.DatasetGenerator;
import io.contextualtargeting.engine.generate.GenerationSummary;
import io.contextualtargeting.engine.generate.GeneratorSettings;
import io.contextualtargeting.engine.generate.WorldShape;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.function.LongSupplier;

/** {@code generate}: writes a synthetic dataset in the data/ layout and prints its size and throughput. */
final class GenerateCommand implements Command {
    private final LongSupplier nanoClock;

    GenerateCommand(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    @Override
    public String usage() {
        return "generate --out DIR [--users N] [--items M] [--seed S] [--interactions-per-user X] [--name NAME]"
                + " [--num-results N] [--days D] [--threads T] [--drift 1] [--events watch|rating|shop]"
                + " [--popularity-skew 1.05] [--genres 17] [--active-window 0.25-1] [--activity-spread 1]";
    }

    @Override
    public int run(CliArgs args, PrintStream out, PrintStream err) throws Exception {
        Path root = args.requiredPath("out");
        int users = args.intOption("users", GeneratorSettings.DEFAULT_USERS);
        int items = args.intOption("items", GeneratorSettings.DEFAULT_ITEMS);
        long seed = args.longOption("seed", GeneratorSettings.DEFAULT_SEED);
        GeneratorSettings defaults = GeneratorSettings.of(users, items, seed);
        GeneratorSettings settings = defaults
                .withInteractionsPerUser(args.intOption("interactions-per-user", defaults.interactionsPerUser()))
                .withName(args.option("name", defaults.name()))
                .withNumResults(args.intOption("num-results", defaults.numResults()))
                .withDays(args.intOption("days", defaults.days()))
                .withThreads(args.intOption("threads", defaults.threads()))
                .withShape(shape(args));
        args.rejectUnknown();

        long started = nanoClock.getAsLong();
        GenerationSummary summary = new DatasetGenerator().generate(settings, root);
        double seconds = Math.max(1e-9, (nanoClock.getAsLong() - started) / 1e9);

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
        return 0;
    }

    /** The world-shape options; each left out keeps the original model's value. */
    static WorldShape shape(CliArgs args) {
        WorldShape defaults = WorldShape.defaults();
        double[] window = WorldShape.parseWindow(args.option("active-window",
                defaults.windowMin() + "-" + defaults.windowMax()));
        return defaults.withDrift(doubleOption(args, "drift", defaults.drift()))
                .withEvents(WorldShape.EventStyle.ofCliName(args.option("events", defaults.events().cliName())))
                .withPopularitySkew(doubleOption(args, "popularity-skew", defaults.popularitySkew()))
                .withGenres(args.intOption("genres", defaults.genres()))
                .withActiveWindow(window[0], window[1])
                .withActivitySpread(doubleOption(args, "activity-spread", defaults.activitySpread()));
    }

    private static double doubleOption(CliArgs args, String name, double fallback) {
        String text = args.option(name, Double.toString(fallback));
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new CliArgs.UsageException("--" + name + " takes a number, got '" + text + "'");
        }
    }
}
