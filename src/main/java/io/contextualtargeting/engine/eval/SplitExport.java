package io.contextualtargeting.engine.eval;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.contextualtargeting.engine.model.ConfidenceWeighting;
import io.contextualtargeting.formats.data.TrainingData;
import io.contextualtargeting.formats.query.QueryKind;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a hold-out split and what an evaluation measured on its item queries as plain files, so
 * that another library (bench/spark-als) can be scored on exactly the same split, queries and
 * positives. Into the folder: {@code train.csv} (user, item, timestamp and the engine's weight of
 * every training row; users and items are the split's indices), {@code positives.csv} (per evaluated
 * item query, one row per positive user) and {@code meta.json} (the known users, the segment sizes
 * and each method's item recall at 1 % and 10 %).
 */
public final class SplitExport {
    /** The segment shares exported: the recall@1 % and recall@10 %. */
    static final double[] SHARES = {0.01, 0.10};

    private SplitExport() {
    }

    /**
     * @param weighting the rows' weighting the engine trained with (confidence is 1 + alpha * weight)
     */
    public static void write(Path folder, String setting, HoldOutSplit split, ConfidenceWeighting weighting,
                             Evaluation evaluation) throws IOException {
        Files.createDirectories(folder);
        TrainingData training = split.training();
        float[] weights = weighting.withRecencyHalfLifeDays(0).weights(training);
        try (BufferedWriter out = Files.newBufferedWriter(folder.resolve("train.csv"), StandardCharsets.UTF_8)) {
            out.write("user,item,timestamp,weight\n");
            for (int i = 0; i < training.interactionCount(); i++) {
                out.write(training.user(i) + "," + training.item(i) + "," + training.timestamp(i) + "," + weights[i] + "\n");
            }
        }
        List<QueryOutcome> items = evaluation.outcomes(QueryKind.ITEM);
        try (BufferedWriter out = Files.newBufferedWriter(folder.resolve("positives.csv"), StandardCharsets.UTF_8)) {
            out.write("item,user\n");
            for (QueryOutcome outcome : items) {
                int item = training.items().indexOf(outcome.query().value());
                boolean[] positive = HoldOutEvaluator.positives(split, outcome.query());
                for (int user = 0; user < positive.length; user++) {
                    if (positive[user]) {
                        out.write(item + "," + user + "\n");
                    }
                }
            }
        }
        try (OutputStream out = Files.newOutputStream(folder.resolve("meta.json"))) {
            writeMeta(setting, split, evaluation, out);
        }
    }

    private static void writeMeta(String setting, HoldOutSplit split, Evaluation evaluation, OutputStream out)
            throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("setting", setting);
            json.writeNumberField("knownUsers", split.knownUsers());
            json.writeNumberField("itemQueries", evaluation.outcomes(QueryKind.ITEM).size());
            json.writeObjectFieldStart("segmentSizes");
            for (double share : SHARES) {
                int f = evaluation.shareIndex(share);
                json.writeNumberField(evaluation.shareLabel(f), evaluation.segmentSizes()[f]);
            }
            json.writeEndObject();
            json.writeObjectFieldStart("itemRecall");
            for (MethodResult result : evaluation.results(QueryKind.ITEM)) {
                json.writeObjectFieldStart(result.method());
                for (double share : SHARES) {
                    int f = evaluation.shareIndex(share);
                    json.writeNumberField(evaluation.shareLabel(f), result.recall()[f]);
                }
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeEndObject();
        }
        out.write('\n');
    }
}
