package io.contextualtargeting.engine.bench;

import io.contextualtargeting.engine.model.ImplicitAlsTrainer;
import io.contextualtargeting.engine.model.InteractionMatrix;
import io.contextualtargeting.engine.model.TrainingParameters;
import io.contextualtargeting.formats.data.DataSource;
import io.contextualtargeting.formats.data.DatasetSchemas;
import io.contextualtargeting.formats.data.TrainingData;
import io.contextualtargeting.formats.data.TrainingDataReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Times training on synthetic interactions, optionally after writing them to a CSV and timing
 * how long the reader takes to parse it back. Prints figures; asserts nothing.
 */
public final class TrainingBenchmark {

    private TrainingBenchmark() {
    }

    /**
     * @param csv when present, the interactions are written there and read back, and training uses what was read
     */
    public static void run(int users, int items, int interactions, long seed, TrainingParameters parameters,
                           Optional<Path> csv, PrintStream out) throws IOException {
        out.printf("machine: %d processors, max heap %,d MB, java %s%n", Runtime.getRuntime().availableProcessors(),
                HeapPeak.maxHeapMegabytes(), System.getProperty("java.version"));
        long start = System.nanoTime();
        TrainingData data = SyntheticInteractions.create(users, items, interactions, seed);
        out.printf("synthetic data: %,d interactions, %,d users, %,d items in %.1f s%n", data.interactionCount(),
                data.userCount(), data.itemCount(), seconds(start));
        if (csv.isPresent()) {
            start = System.nanoTime();
            writeCsv(data, csv.get());
            out.printf("wrote %s (%,d MB) in %.1f s%n", csv.get(), Files.size(csv.get()) >> 20, seconds(start));
            data = null;
            HeapPeak.reset();
            start = System.nanoTime();
            data = TrainingDataReader.read(DataSource.ofFile(csv.get()), Optional.empty(), Optional.empty(),
                    DatasetSchemas.NONE);
            out.printf("parse: %,d interactions in %.1f s (%,.0f lines/s), peak heap %,d MB%n", data.interactionCount(),
                    seconds(start), data.interactionCount() / seconds(start), HeapPeak.megabytes());
        }
        HeapPeak.reset();
        start = System.nanoTime();
        InteractionMatrix matrix = InteractionMatrix.byUser(data, parameters.weighting(), parameters.alpha());
        double build = seconds(start);
        long trainStart = System.nanoTime();
        ImplicitAlsTrainer.train(matrix, parameters);
        double train = seconds(trainStart);
        out.printf("train: %d factors, %d iterations, %d CG steps, %d threads: matrix %.2f s + ALS %.2f s = %.2f s,"
                        + " %,d distinct pairs, peak heap %,d MB%n", parameters.factors(), parameters.iterations(),
                parameters.cgSteps(), parameters.threads(), build, train, build + train, matrix.entries(), HeapPeak.megabytes());
    }

    private static void writeCsv(TrainingData data, Path path) throws IOException {
        try (BufferedWriter writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            writer.write("USER_ID,ITEM_ID,EVENT_TYPE,EVENT_VALUE,TIMESTAMP\n");
            StringBuilder line = new StringBuilder(64);
            for (int i = 0; i < data.interactionCount(); i++) {
                line.setLength(0);
                line.append(data.users().id(data.user(i))).append(',').append(data.items().id(data.item(i)));
                if (i % 10 == 0) {
                    line.append(",click,,"); // a click has no event value
                } else {
                    line.append(",watch,0.").append(1 + i % 9).append(',');
                }
                line.append(data.timestamp(i)).append('\n');
                writer.append(line);
            }
        }
    }

    static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
