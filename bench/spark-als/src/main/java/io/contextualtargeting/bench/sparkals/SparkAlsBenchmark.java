package io.contextualtargeting.bench.sparkals;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Spark MLlib implicit ALS on the splits {@code benchmark quality --export DIR} (DIR/&lt;setting&gt;/) or
 * {@code evaluate --export DIR} (DIR itself) wrote, scored with the
 * engine's item recall on the same queries and positives. Tuned as a careful user would: every grid
 * point trains on the oldest 80 % of train.csv and is scored on its latest 20 % (the same queries'
 * items, positives from that period); the best one for recall@1 %, and the best for @10 %, are retrained
 * on all of train.csv. Also measured, and labelled so: each grid point trained on all of train.csv and scored on
 * the test positives, the best of which is an upper bound no tuning without the test data reaches.
 * <p>
 * Usage: {@code DIR [SETTING...] [--ranks 32,64] [--reg-params 0.01,0.1,1] [--alphas 1,10,40] [--no-test-grid]}.
 */
public final class SparkAlsBenchmark {
    private static final double VALIDATION_TRAIN_SHARE = 0.8;
    private static final int ITERATIONS = 10;
    private static final long SEED = 42;

    /** One point of the grid. */
    record Params(int rank, double regParam, double alpha) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "rank %d, regParam %s, alpha %s", rank, number(regParam), number(alpha));
        }
    }

    /** What one setting measured. */
    record Result(ExportedSplit split, Params[] chosen, double[] validated, double[] bestOnTest, double fitSeconds,
                  double totalSeconds) {
    }

    private final SparkSession spark;
    private final List<Params> grid;
    private final boolean testGrid;

    private SparkAlsBenchmark(SparkSession spark, List<Params> grid, boolean testGrid) {
        this.spark = spark;
        this.grid = grid;
        this.testGrid = testGrid;
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (ExportedSplit.BadInput | IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void run(String[] args) {
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        options.put("--ranks", "32,64");
        options.put("--reg-params", "0.01,0.1,1");
        options.put("--alphas", "1,10,40");
        boolean testGrid = true;
        for (int a = 0; a < args.length; a++) {
            if (args[a].equals("--no-test-grid")) {
                testGrid = false;
            } else if (options.containsKey(args[a]) && a + 1 < args.length) {
                options.put(args[a], args[++a]);
            } else if (args[a].startsWith("--")) {
                throw new IllegalArgumentException("unknown option " + args[a] + "; usage: DIR [SETTING...] [--ranks 32,64]"
                        + " [--reg-params 0.01,0.1,1] [--alphas 1,10,40] [--no-test-grid]");
            } else {
                positional.add(args[a]);
            }
        }
        if (positional.isEmpty()) {
            throw new IllegalArgumentException("say which folder benchmark quality --export or evaluate --export wrote");
        }
        // every file is read before Spark starts: a bad one fails at once
        List<ExportedSplit> splits = settingFolders(Path.of(positional.get(0)), positional.subList(1, positional.size()))
                .stream().map(ExportedSplit::read).toList();
        List<Params> grid = new ArrayList<>();
        for (double rank : numbers(options.get("--ranks"))) {
            for (double reg : numbers(options.get("--reg-params"))) {
                for (double alpha : numbers(options.get("--alphas"))) {
                    grid.add(new Params((int) rank, reg, alpha));
                }
            }
        }
        SparkSession spark = SparkSession.builder().master("local[2]").appName("spark-als-benchmark")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        try {
            System.out.printf(Locale.ROOT, "machine: %d processors, java %s, spark %s, local[2]; grid: %d points (%s)%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), spark.version(),
                    grid.size(), options);
            SparkAlsBenchmark benchmark = new SparkAlsBenchmark(spark, grid, testGrid);
            List<Result> results = new ArrayList<>();
            for (ExportedSplit split : splits) {
                results.add(benchmark.evaluate(split));
            }
            printTable(results);
        } finally {
            spark.stop();
        }
    }

    private Result evaluate(ExportedSplit split) {
        long start = System.nanoTime();
        System.out.printf(Locale.ROOT, "%n##### %s: %,d training rows, %d item queries, %,d known users%n",
                split.setting(), split.train().size(), split.positives().size(), split.knownUsers());
        Validation validation = Validation.of(split, VALIDATION_TRAIN_SHARE);
        Map<Params, double[]> validated = new LinkedHashMap<>();
        for (Params params : grid) {
            double[] recall = recall(validation.fit(), validation.positives(), params, validation.sizes());
            System.out.printf(Locale.ROOT, "  validation %-36s recall@1%% %.4f @10%% %.4f%n", params, recall[0], recall[1]);
            validated.put(params, recall);
        }
        // tuned for each measure on its own, as a user targeting 1 % or 10 % of the users would
        Params[] chosen = new Params[ItemRecall.SHARES.length];
        for (int f = 0; f < chosen.length; f++) {
            int share = f;
            chosen[f] = grid.stream().max(Comparator.comparingDouble(p -> validated.get(p)[share])).orElseThrow();
        }
        Map<Params, double[]> tested = new LinkedHashMap<>();
        long testStart = System.nanoTime();
        for (Params params : testGrid ? grid : List.of(chosen).stream().distinct().toList()) {
            double[] recall = recall(split.train(), split.positives(), params, split.segmentSizes());
            System.out.printf(Locale.ROOT, "  test %-42s recall@1%% %.4f @10%% %.4f%n", params, recall[0], recall[1]);
            tested.put(params, recall);
        }
        double fitSeconds = (System.nanoTime() - testStart) / 1e9 / tested.size();
        double[] atChosen = new double[chosen.length];
        double[] bestOnTest = new double[chosen.length];
        for (int f = 0; f < chosen.length; f++) {
            int share = f;
            atChosen[f] = tested.get(chosen[f])[f];
            bestOnTest[f] = testGrid ? tested.values().stream().mapToDouble(r -> r[share]).max().orElseThrow() : Double.NaN;
            System.out.printf(Locale.ROOT, "  chosen for recall@%s by validation: %s, test recall %.4f%n",
                    ExportedSplit.SHARE_LABELS[f], chosen[f], atChosen[f]);
        }
        return new Result(split, chosen, atChosen, bestOnTest, fitSeconds, (System.nanoTime() - start) / 1e9);
    }

    /** Trains on {@code training}'s rows and measures the item recall of {@code positives}. */
    private double[] recall(Rows training, Map<Integer, int[]> positives, Params params, int[] sizes) {
        boolean[] known = training.knownUsers(Math.max(training.userCount(), maxUser(positives)));
        ALSModel model = new ALS().setImplicitPrefs(true).setRank(params.rank()).setRegParam(params.regParam())
                .setAlpha(params.alpha()).setMaxIter(ITERATIONS).setSeed(SEED).setNumUserBlocks(2).setNumItemBlocks(2)
                .setUserCol("user").setItemCol("item").setRatingCol("weight").fit(pairs(training));
        return ItemRecall.mean(known, factors(model.userFactors(), known.length),
                factors(model.itemFactors(), training.itemCount()), positives, sizes);
    }

    /** One row per user-item pair, its weight the sum of its rows' (as the engine sums repeats); pairs weighing 0 left out. */
    private Dataset<Row> pairs(Rows training) {
        Map<Long, Float> weights = new LinkedHashMap<>();
        for (int i = 0; i < training.size(); i++) {
            weights.merge(((long) training.users()[i] << 32) | training.items()[i], training.weights()[i], Float::sum);
        }
        List<Row> rows = new ArrayList<>(weights.size());
        weights.forEach((pair, weight) -> {
            if (weight > 0) {
                rows.add(RowFactory.create((int) (pair >>> 32), (int) (long) pair, weight));
            }
        });
        StructType schema = new StructType().add("user", DataTypes.IntegerType).add("item", DataTypes.IntegerType)
                .add("weight", DataTypes.FloatType);
        return spark.createDataFrame(rows, schema);
    }

    private static float[][] factors(Dataset<Row> byId, int count) {
        float[][] factors = new float[count][];
        for (Row row : byId.collectAsList()) {
            List<Float> values = row.getList(1);
            float[] vector = new float[values.size()];
            for (int k = 0; k < vector.length; k++) {
                vector[k] = values.get(k);
            }
            if (row.getInt(0) < count) {
                factors[row.getInt(0)] = vector;
            }
        }
        return factors;
    }

    private static void printTable(List<Result> results) {
        System.out.printf(Locale.ROOT, "%n===== item recall: the engine against Spark MLlib implicit ALS =====%n");
        System.out.printf(Locale.ROOT, "%-16s | %-7s %-9s %-9s | %-7s %-9s %-9s | %-8s %-8s | %s%n", "setting",
                "engine", "ALS val.", "ALS best", "engine", "ALS val.", "ALS best", "ALS fit", "ALS all",
                "ALS chosen by validation for @1% / @10%");
        System.out.printf(Locale.ROOT, "%-16s | %-27s | %-27s | %-17s |%n", "", "@1%", "@10%", "seconds");
        for (Result r : results) {
            double[] engine = r.split().recall().get("engine");
            System.out.printf(Locale.ROOT, "%-16s | %-7.3f %-9.3f %-9s | %-7.3f %-9.3f %-9s | %-8.1f %-8.1f | %s / %s%n",
                    r.split().setting(), engine[0], r.validated()[0], optional(r.bestOnTest()[0]), engine[1],
                    r.validated()[1], optional(r.bestOnTest()[1]), r.fitSeconds(), r.totalSeconds(), r.chosen()[0],
                    r.chosen()[1]);
        }
        System.out.println("engine: as benchmark quality or evaluate measured it (meta.json); ALS val.: the grid point that validated"
                + " best for that column on the latest 20 % of train.csv, trained on all of it; ALS best: the best grid point"
                + " per column on the test positives (an upper bound); ALS fit: one training on all of train.csv, scoring"
                + " included; ALS all: the whole setting");
    }

    private static String optional(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static List<Path> settingFolders(Path root, List<String> names) {
        if (!Files.isDirectory(root)) {
            throw new ExportedSplit.BadInput(root + ": no such folder; write it with benchmark quality --export " + root
                    + " or evaluate --export " + root);
        }
        if (!names.isEmpty()) {
            return names.stream().map(root::resolve).toList();
        }
        if (Files.exists(root.resolve("meta.json"))) {
            return List.of(root); // one split, as evaluate --export writes it
        }
        try (Stream<Path> children = Files.list(root)) {
            List<Path> folders = children.filter(p -> Files.exists(p.resolve("meta.json"))).sorted().toList();
            if (folders.isEmpty()) {
                throw new ExportedSplit.BadInput(root + ": no setting folder with a meta.json in it");
            }
            return folders;
        } catch (IOException e) {
            throw new ExportedSplit.BadInput(root + ": " + e.getMessage());
        }
    }

    private static double[] numbers(String list) {
        try {
            return Arrays.stream(list.split(",")).mapToDouble(Double::parseDouble).toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a list of numbers: " + list);
        }
    }

    private static int maxUser(Map<Integer, int[]> positives) {
        return positives.values().stream().flatMapToInt(Arrays::stream).max().orElse(-1) + 1;
    }

    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
