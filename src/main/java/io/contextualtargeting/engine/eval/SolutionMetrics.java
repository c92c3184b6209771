package io.contextualtargeting.engine.eval;

import io.contextualtargeting.engine.model.TrainingParameters;
import io.contextualtargeting.engine.segment.ExplicitSettings;
import io.contextualtargeting.engine.segment.QuerySample;
import io.contextualtargeting.engine.segment.SegmentModel;
import io.contextualtargeting.engine.segment.SegmentModelTrainer;
import io.contextualtargeting.formats.data.TrainingData;
import io.contextualtargeting.formats.query.QueryKind;
import io.contextualtargeting.formats.query.SegmentQuery;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics Personalize reports for a user segmentation solution version, measured the same way
 * as {@code evaluate}: the recipe is trained on the first 80 % of the interactions by time and its
 * 1 % segments are checked against the last 20 %, on queries sampled from the data (items over the
 * popularity range for item affinity, attribute values for attribute affinity).
 * {@code hits_at_1_percent} and {@code recall_at_1_percent} are means over those queries;
 * {@code coverage} is the share of users with training interactions that are in at least one of
 * those segments.
 */
public final class SolutionMetrics {
    public static final String HITS = "hits_at_1_percent";
    public static final String RECALL = "recall_at_1_percent";
    public static final String COVERAGE = "coverage";
    static final int ITEM_QUERIES = 100;
    static final int ATTRIBUTE_QUERIES = 20;

    private SolutionMetrics() {
    }

    /**
     * The metrics of both recipes from one hold-out training (the two recipes train alike, so the
     * local Personalize measures once for the item and the attribute solution).
     *
     * @return per recipe the three metrics, or no metric when the data cannot be split in time or has
     *     no query of that kind to evaluate (then nothing honest can be said)
     */
    public static Map<QueryKind, Map<String, Double>> measure(TrainingData data, TrainingParameters parameters) {
        return measure(data, parameters, ExplicitSettings.none());
    }

    /** As {@link #measure(TrainingData, TrainingParameters)}, with the settings a user fixed. */
    public static Map<QueryKind, Map<String, Double>> measure(TrainingData data, TrainingParameters parameters,
                                                             ExplicitSettings explicit) {
        Map<QueryKind, Map<String, Double>> metrics = new EnumMap<>(Map.of(QueryKind.ITEM, Map.of(), QueryKind.ATTRIBUTE, Map.of()));
        HoldOutSplit split;
        try {
            split = HoldOutSplit.byTime(data, 0.8);
        } catch (EvaluationException e) {
            return metrics;
        }
        List<SegmentQuery> queries = new ArrayList<>(QuerySample.items(split.training(), ITEM_QUERIES));
        queries.addAll(QuerySample.attributes(split.training(), ATTRIBUTE_QUERIES));
        SegmentModel model = SegmentModelTrainer.train(split.training(), parameters, explicit);
        Evaluation evaluation = HoldOutEvaluator.evaluate(split, queries, List.of(new ScoringMethod("engine", model)));
        for (QueryKind recipe : QueryKind.values()) {
            if (!evaluation.outcomes(recipe).isEmpty()) {
                metrics.put(recipe, metrics(evaluation, recipe, model, split));
            }
        }
        return metrics;
    }

    private static Map<String, Double> metrics(Evaluation evaluation, QueryKind recipe, SegmentModel model, HoldOutSplit split) {
        int one = evaluation.shareIndex(0.01);
        MethodResult engine = evaluation.results(recipe).get(0);
        BitSet covered = new BitSet(model.userCount());
        for (QueryOutcome outcome : evaluation.outcomes(recipe)) {
            for (int user : model.topUsers(outcome.query(), evaluation.segmentSizes()[one])) {
                covered.set(user);
            }
        }
        return Map.of(HITS, round(engine.hits()[one]), RECALL, round(engine.recall()[one]),
                COVERAGE, round((double) covered.cardinality() / split.knownUsers()));
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
