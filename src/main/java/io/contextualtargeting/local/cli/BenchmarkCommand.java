package io.contextualtargeting.local.cli;

import io.contextualtargeting.engine.bench.ScoringBenchmark;
import io.contextualtargeting.engine.bench.TrainingBenchmark;
import io.contextualtargeting.engine.eval.MatrixSetting;
import io.contextualtargeting.engine.eval.QualityBenchmark;
import io.contextualtargeting.engine.eval.QualityMatrix;
import io.contextualtargeting.engine.model.TrainingParameters;
import io.contextualtargeting.local.bench.PostProcessingBenchmark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code benchmark}: prints the engine's speed on synthetic data held in memory. {@code train}
 * times training (and, with {@code --csv}, writing and parsing that many interactions);
 * {@code score} times one query's top users over many users on one thread; {@code postprocess}
 * times splitting a large job output into segments and writing their files; {@code quality} prints
 * the engine's hold-out quality on a generated dataset, or with {@code --matrix} on each data shape
 * of the quality matrix ({@code --matrix small}: the two CI settings; {@code --setting NAME}: one;
 * {@code --export DIR} also writes each setting's split for bench/spark-als).
 */
@Command(name = "benchmark", header = "print performance and quality figures",
        description = "Prints performance and quality figures on synthetic data"
        + " (docs/benchmarks.md): say which with a subcommand.")
final class BenchmarkCommand implements Runnable {
    @Spec
    CommandSpec spec;

    /** Adds {@code benchmark} and its subcommands to {@code parent}. */
    static void addTo(CommandLine parent, Streams streams) {
        parent.addSubcommand(new BenchmarkCommand());
        CommandLine benchmark = parent.getSubcommands().get("benchmark");
        benchmark.addSubcommand(new Train(streams));
        benchmark.addSubcommand(new Score(streams));
        benchmark.addSubcommand(new Postprocess(streams));
        benchmark.addSubcommand(new Quality(streams));
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "say what to time or measure: benchmark train, benchmark score, benchmark postprocess or benchmark quality");
    }

    @Command(name = "train", header = "time training",
            description = "Times training on synthetic interactions held in memory (with --csv, also"
            + " writing and parsing them).")
    static final class Train implements Callable<Integer> {
        private final Streams streams;

        @Option(names = "--users", paramLabel = "N", description = "Users.")
        int users = 20_000;

        @Option(names = "--items", paramLabel = "M", description = "Items.")
        int items = 3_000;

        @Option(names = "--interactions", paramLabel = "N", description = "Interactions.")
        int interactions = 1_000_000;

        @Option(names = "--csv", paramLabel = "FILE", converter = OptionTypes.OutputFile.class,
                description = "Also write the interactions to this CSV file and time parsing it.")
        Path csv;

        @Option(names = "--factors", paramLabel = "K", description = "Latent factors.")
        int factors = 64;

        @Option(names = "--iterations", paramLabel = "N", description = "Training iterations.")
        int iterations = 10;

        @Option(names = "--cg-steps", paramLabel = "N", description = "Conjugate-gradient steps per iteration.")
        int cgSteps = TrainingParameters.defaults().cgSteps();

        @Option(names = "--threads", paramLabel = "T", description = "Training threads. Default: the number of processors.")
        Integer threads;

        @Option(names = "--seed", paramLabel = "S", description = "Random seed of data and training.")
        long seed = 1;

        Train(Streams streams) {
            this.streams = streams;
        }

        @Override
        public Integer call() throws IOException {
            TrainingParameters defaults = TrainingParameters.defaults();
            TrainingParameters parameters = defaults.withSeed(seed).withFactors(factors).withIterations(iterations)
                    .withCgSteps(cgSteps).withThreads(threads == null ? defaults.threads() : threads);
            TrainingBenchmark.run(users, items, interactions, seed, parameters, Optional.ofNullable(csv), streams.out());
            return Main.OK;
        }
    }

    @Command(name = "score", header = "time scoring one query over many users",
            description = "Times one query's top users over many users on one thread, and checks them"
            + " against a float scan of every user.")
    static final class Score implements Callable<Integer> {
        private final Streams streams;

        @Option(names = "--users", paramLabel = "N", description = "Users to rank.")
        int users = 10_000_000;

        @Option(names = "--factors", paramLabel = "K", description = "Latent factors.")
        int factors = 64;

        @Option(names = "--fraction", paramLabel = "F", description = "Share of the users in the segment.")
        double fraction = 0.01;

        @Option(names = "--repeat", paramLabel = "N", description = "Timed repetitions.")
        int repeat = 5;

        @Option(names = "--seed", paramLabel = "S", description = "Random seed of the factors.")
        long seed = 1;

        Score(Streams streams) {
            this.streams = streams;
        }

        @Override
        public Integer call() {
            ScoringBenchmark.run(users, factors, fraction, repeat, seed, streams.out());
            return Main.OK;
        }
    }

    @Command(name = "postprocess", header = "time post-processing a large job output",
            description = "Times splitting a large batch segment job output into segments and"
            + " writing their files in both segment file forms, with no AWS latency.")
    static final class Postprocess implements Callable<Integer> {
        private final Streams streams;

        @Option(names = "--users", paramLabel = "N", description = "Users per job output line.")
        int users = 5_000_000;

        @Option(names = "--lines", paramLabel = "N", description = "Job output lines (segments).")
        int lines = 1;

        @Option(names = "--lookup-threads", paramLabel = "T", description = "Threads looking up endpoints.")
        int lookupThreads = 4;

        @Option(names = "--work", paramLabel = "DIR", converter = OptionTypes.Folder.class,
                description = "Folder for the files, kept afterwards. Default: a temporary folder, removed afterwards.")
        Path work;

        Postprocess(Streams streams) {
            this.streams = streams;
        }

        @Override
        public Integer call() throws IOException {
            Path root = work != null ? Files.createDirectories(work) : Files.createTempDirectory("postprocess");
            try {
                new PostProcessingBenchmark(root, lookupThreads, streams.out()).run(users, lines);
            } finally {
                if (work == null) {
                    deleteTree(root);
                }
            }
            return Main.OK;
        }

        private static void deleteTree(Path root) throws IOException {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    @Command(name = "quality", header = "measure segment quality against baselines",
            description = "Prints the engine's hold-out quality against the baselines on a"
            + " generated dataset, or with --matrix or --setting on the data shapes of the quality matrix.")
    static final class Quality implements Callable<Integer> {
        private final Streams streams;

        @Spec
        CommandSpec spec;

        @Mixin
        DatasetSizeOptions size;

        @Option(names = "--matrix", paramLabel = "SIZE", arity = "0..1", fallbackValue = "full",
                converter = OptionTypes.MatrixSizes.class, completionCandidates = OptionTypes.MatrixSizes.class,
                description = "Every setting of the quality matrix (full, or --matrix alone) or the two small ones CI"
                        + " runs (small).")
        String matrix;

        @Option(names = "--setting", paramLabel = "NAME", converter = OptionTypes.MatrixSettings.class,
                completionCandidates = OptionTypes.MatrixSettings.class,
                description = "One setting of the quality matrix: ${COMPLETION-CANDIDATES}.")
        String setting;

        @Option(names = "--sweep", paramLabel = "N", description = "N data shapes drawn at random over wide ranges"
                + " of every generator setting, summed up as the matrix is; --seed draws other shapes.")
        Integer sweep;

        @Option(names = "--factors", paramLabel = "K", description = "Latent factors of the engine's model.")
        int factors = TrainingParameters.defaults().factors();

        @Option(names = "--regularization", paramLabel = "L", description = "The model's regularisation (lambda).")
        float regularization = TrainingParameters.defaults().regularization();

        @Option(names = "--alpha", paramLabel = "A", description = "Confidence scale: 1 + alpha * weight; the validation may take 1 instead.")
        float alpha = TrainingParameters.defaults().alpha();

        @Option(names = "--export", paramLabel = "DIR", converter = OptionTypes.Folder.class,
                description = "With --matrix, --setting or --sweep: write each setting's split, item queries and recalls to"
                        + " DIR/<setting>/ for bench/spark-als (docs/benchmarks.md).")
        Path export;

        Quality(Streams streams) {
            this.streams = streams;
        }

        @Override
        public Integer call() throws IOException {
            TrainingParameters parameters = TrainingParameters.defaults().withFactors(factors)
                    .withRegularization(regularization).withAlpha(alpha);
            if (Stream.of(matrix, setting, sweep).filter(Objects::nonNull).count() > 1) {
                throw new ParameterException(spec.commandLine(), "use one of --matrix, --setting and --sweep");
            }
            if (sweep != null) {
                if (sweep < 1) {
                    throw new ParameterException(spec.commandLine(), "--sweep " + sweep + ": draw at least 1 shape");
                }
                QualityBenchmark.runMatrix(QualityMatrix.drawn(sweep, size.seed), parameters, Optional.ofNullable(export),
                        streams.out());
            } else if (setting != null || matrix != null) {
                List<MatrixSetting> settings = setting != null ? List.of(QualityMatrix.named(setting))
                        : matrix.equals("small") ? QualityMatrix.small() : QualityMatrix.full();
                // --seed draws the same shapes again from other random numbers: is a figure the shape's or the draw's?
                QualityBenchmark.runMatrix(settings.stream().map(s -> s.withSeed(size.seed)).toList(), parameters,
                        Optional.ofNullable(export), streams.out());
            } else if (export != null) {
                throw new ParameterException(spec.commandLine(), "--export needs --matrix, --setting or --sweep: it writes"
                        + " one folder per setting");
            } else {
                QualityBenchmark.run(size.settings(), parameters, streams.out());
            }
            return Main.OK;
        }
    }
}
