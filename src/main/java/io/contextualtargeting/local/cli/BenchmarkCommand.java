package io.contextualtargeting.local.cli;

import io.contextualtargeting.engine.bench.ScoringBenchmark;
import io.contextualtargeting.engine.bench.TrainingBenchmark;
import io.contextualtargeting.engine.eval.MatrixSetting;
import io.contextualtargeting.engine.eval.QualityBenchmark;
import io.contextualtargeting.engine.eval.QualityMatrix;
import io.contextualtargeting.engine.generate.GeneratorSettings;
import io.contextualtargeting.engine.model.TrainingParameters;
import io.contextualtargeting.local.bench.PostProcessingBenchmark;
import java.io.IOException;
import java.nio.file.Files;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code benchmark}: prints the engine's speed on synthetic data held in memory. {@code train}
 * times training (and, with {@code --csv}, writing and parsing that many interactions);
 * {@code score} times one query's top users over many users on one thread; {@code postprocess}
 * times splitting a large job output into segments and writing their files; {@code quality} prints
 * the engine's hold-out quality on a generated dataset, or with {@code --matrix} on each data shape
 * of the quality matrix ({@code --matrix small}: the two CI settings; {@code --setting NAME}: one).
 */
final class BenchmarkCommand implements Command {

    @Override
    public String usage() {
        return "benchmark train [--users 20000] [--items 3000] [--interactions 1000000] [--csv /tmp/f.csv]"
                + " [--factors 64] [--iterations 10] [--cg-steps 2] [--threads T] | benchmark score [--users 10000000] [--factors 64]"
                + " [--fraction 0.01] [--repeat 5] | benchmark postprocess [--users 5000000] [--lines 1] [--lookup-threads 4]"
                + " [--work DIR] | benchmark quality [--users 20000] [--items 3000] [--seed 42]"
                + " | benchmark quality --matrix [small] | benchmark quality --setting NAME";
    }

    @Override
    public int run(CliArgs args, PrintStream out, PrintStream err) throws Exception {
        List<String> mode = args.positional();
        boolean matrixSize = mode.size() == 2 && mode.get(0).equals("quality") && args.flag("matrix");
        if (mode.size() != 1 && !matrixSize
                || !List.of("train", "score", "postprocess", "quality").contains(mode.get(0))) {
            throw new CliArgs.UsageException(
                    "say what to time or measure: benchmark train, benchmark score, benchmark postprocess or benchmark quality");
        }
        switch (mode.get(0)) {
            case "train" -> train(args, out);
            case "postprocess" -> postprocess(args, out);
            case "quality" -> quality(args, out);
            default -> score(args, out);
        }
        return 0;
    }

    private static void train(CliArgs args, PrintStream out) throws IOException {
        long seed = args.longOption("seed", 1);
        TrainingParameters defaults = TrainingParameters.defaults();
        int users = args.intOption("users", 20_000);
        int items = args.intOption("items", 3_000);
        int interactions = args.intOption("interactions", 1_000_000);
        TrainingParameters parameters = defaults.withSeed(seed)
                .withFactors(args.intOption("factors", 64))
                .withIterations(args.intOption("iterations", 10))
                .withCgSteps(args.intOption("cg-steps", defaults.cgSteps()))
                .withThreads(args.intOption("threads", defaults.threads()));
        Optional<Path> csv = args.option("csv").map(Path::of);
        args.rejectUnknown();
        TrainingBenchmark.run(users, items, interactions, seed, parameters, csv, out);
    }

    private static void quality(CliArgs args, PrintStream out) throws IOException {
        Optional<List<MatrixSetting>> matrix = matrixSettings(args);
        if (matrix.isPresent()) {
            args.rejectUnknown();
            QualityBenchmark.runMatrix(matrix.get(), TrainingParameters.defaults(), out);
            return;
        }
        GeneratorSettings settings = GeneratorSettings.of(args.intOption("users", GeneratorSettings.DEFAULT_USERS),
                args.intOption("items", GeneratorSettings.DEFAULT_ITEMS),
                args.longOption("seed", GeneratorSettings.DEFAULT_SEED));
        args.rejectUnknown();
        QualityBenchmark.run(settings, TrainingParameters.defaults(), out);
    }

    /** {@code --matrix} (every setting), {@code --matrix small} or {@code --setting NAME}; empty without them. */
    private static Optional<List<MatrixSetting>> matrixSettings(CliArgs args) {
        Optional<String> one = args.option("setting");
        if (one.isPresent()) {
            try {
                return Optional.of(List.of(QualityMatrix.named(one.get())));
            } catch (IllegalArgumentException e) {
                throw new CliArgs.UsageException(e.getMessage());
            }
        }
        if (!args.flag("matrix")) {
            return Optional.empty();
        }
        List<String> size = args.positional().subList(1, args.positional().size());
        if (size.isEmpty() || size.equals(List.of("full"))) {
            return Optional.of(QualityMatrix.full());
        }
        if (size.equals(List.of("small"))) {
            return Optional.of(QualityMatrix.small());
        }
        throw new CliArgs.UsageException("--matrix takes nothing (every setting) or small, got " + size.get(0));
    }

    private static void score(CliArgs args, PrintStream out) {
        long seed = args.longOption("seed", 1);
        int users = args.intOption("users", 10_000_000);
        int factors = args.intOption("factors", 64);
        double fraction = Double.parseDouble(args.option("fraction", "0.01"));
        int repeat = args.intOption("repeat", 5);
        args.rejectUnknown();
        ScoringBenchmark.run(users, factors, fraction, repeat, seed, out);
    }

    /** Without {@code --work}, in a temporary folder removed afterwards. */
    private static void postprocess(CliArgs args, PrintStream out) throws IOException {
        int users = args.intOption("users", 5_000_000);
        int lines = args.intOption("lines", 1);
        int threads = args.intOption("lookup-threads", 4);
        Optional<Path> work = args.option("work").map(Path::of);
        args.rejectUnknown();
        Path root = work.isPresent() ? Files.createDirectories(work.get()) : Files.createTempDirectory("postprocess");
        try {
            new PostProcessingBenchmark(root, threads, out).run(users, lines);
        } finally {
            if (work.isEmpty()) {
                deleteTree(root);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
