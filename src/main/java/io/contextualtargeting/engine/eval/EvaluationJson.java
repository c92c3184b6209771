package io.contextualtargeting.engine.eval;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.contextualtargeting.formats.query.QueryKind;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Writes an evaluation as one JSON object: the split, per query kind each method's averages, and every query. */
public final class EvaluationJson {

    private EvaluationJson() {
    }

    public static void write(Evaluation evaluation, OutputStream out) throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            SplitSummary split = evaluation.split();
            json.writeObjectFieldStart("split");
            json.writeNumberField("trainingInteractions", split.trainingInteractions());
            json.writeNumberField("heldOutInteractions", split.heldOutInteractions());
            json.writeNumberField("cutoff", split.cutoff());
            json.writeNumberField("users", split.users());
            json.writeNumberField("usersWithTrainingInteractions", split.knownUsers());
            json.writeEndObject();
            json.writeObjectFieldStart("segmentSizes");
            for (int f = 0; f < evaluation.shares().length; f++) {
                json.writeNumberField(evaluation.shareLabel(f), evaluation.segmentSizes()[f]);
            }
            json.writeEndObject();
            for (QueryKind kind : QueryKind.values()) {
                writeKind(evaluation, kind, json);
            }
            json.writeEndObject();
        }
        out.write('\n');
    }

    private static void writeKind(Evaluation evaluation, QueryKind kind, JsonGenerator json) throws IOException {
        json.writeObjectFieldStart(kind == QueryKind.ITEM ? "itemQueries" : "attributeQueries");
        json.writeNumberField("evaluated", evaluation.outcomes(kind).size());
        json.writeNumberField("skipped", evaluation.skipped(kind).size());
        List<MethodResult> results = evaluation.results(kind);
        json.writeArrayFieldStart("methods");
        for (MethodResult result : results) {
            json.writeStartObject();
            json.writeStringField("name", result.method());
            writeByShare(evaluation, "recall", result.recall(), json);
            writeByShare(evaluation, "hits", result.hits(), json);
            double[] lift = new double[evaluation.shares().length];
            for (int f = 0; f < lift.length; f++) {
                lift[f] = Evaluation.lift(result, results.get(results.size() - 1), f);
            }
            writeByShare(evaluation, "lift", lift, json);
            if (!Double.isNaN(result.overlap())) {
                json.writeNumberField("segmentOverlapAt10Percent", Math.round(result.overlap() * 10_000) / 10_000.0);
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("queries");
        for (QueryOutcome outcome : evaluation.outcomes(kind)) {
            json.writeStartObject();
            json.writeStringField(outcome.query().key(), outcome.query().value());
            json.writeNumberField("positives", outcome.positives());
            json.writeObjectFieldStart("hits");
            for (int m = 0; m < evaluation.methods().size(); m++) {
                json.writeObjectFieldStart(evaluation.methods().get(m));
                for (int f = 0; f < evaluation.shares().length; f++) {
                    json.writeNumberField(evaluation.shareLabel(f), outcome.hits().get(m)[f]);
                }
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeEndObject();
        }
        for (SkippedQuery skipped : evaluation.skipped(kind)) {
            json.writeStartObject();
            json.writeStringField(skipped.query().key(), skipped.query().value());
            json.writeStringField("skipped", skipped.reason());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeByShare(Evaluation evaluation, String name, double[] values, JsonGenerator json)
            throws IOException {
        json.writeObjectFieldStart(name);
        for (int f = 0; f < values.length; f++) {
            json.writeNumberField(evaluation.shareLabel(f), Math.round(values[f] * 10_000) / 10_000.0);
        }
        json.writeEndObject();
    }
}
