package io.contextualtargeting.engine.eval;

import io.contextualtargeting.engine.model.ConfidenceWeighting;
import io.contextualtargeting.engine.segment.MatchingItems;
import io.contextualtargeting.engine.segment.UserScorer;
import io.contextualtargeting.formats.data.TrainingData;
import io.contextualtargeting.formats.query.SegmentQuery;
import java.util.Arrays;

/**
 * The "history" baselines: users ranked by their own past interactions with the query's items,
 * either counted (the baseline; equal counts ordered by overall activity) or weighted by
 * recency as the engine weighs them (users without any such interaction ordered by their
 * recency-weighted activity, after every user with one).
 */
public final class MatchingHistory implements UserScorer {
    private final TrainingData training;
    private final float[] weights;
    private final boolean counted;
    /** Each user's overall (weighted) activity divided by the largest plus one: in [0, 1), 0 for unknown users. */
    private final double[] activityShare;
    private final boolean[] known;

    private MatchingHistory(TrainingData training, float[] weights, boolean counted) {
        this.training = training;
        this.weights = weights;
        this.counted = counted;
        double[] activity = new double[training.userCount()];
        this.known = new boolean[training.userCount()];
        for (int i = 0; i < training.interactionCount(); i++) {
            activity[training.user(i)] += weights[i];
            known[training.user(i)] = true;
        }
        double max = Arrays.stream(activity).max().orElse(0);
        this.activityShare = Arrays.stream(activity).map(a -> a / (max + 1)).toArray();
    }

    /** Each past interaction with a matching item counts 1. */
    public static MatchingHistory counted(TrainingData training) {
        float[] ones = new float[training.interactionCount()];
        Arrays.fill(ones, 1f);
        return new MatchingHistory(training, ones, true);
    }

    /** Each past interaction counts its weight under {@code weighting} (recency, event types, values). */
    public static MatchingHistory weighted(TrainingData training, ConfidenceWeighting weighting) {
        return new MatchingHistory(training, weighting.weights(training), false);
    }

    @Override
    public int userCount() {
        return training.userCount();
    }

    @Override
    public void score(SegmentQuery query, float[] scoresByUserIndex) {
        boolean[] matching = MatchingItems.mask(MatchingItems.of(query, training.items(), training.attributes()),
                training.itemCount());
        double[] history = new double[training.userCount()];
        for (int i = 0; i < training.interactionCount(); i++) {
            if (matching[training.item(i)]) {
                history[training.user(i)] += weights[i];
            }
        }
        for (int u = 0; u < history.length; u++) {
            double score;
            if (!known[u]) {
                score = Double.NEGATIVE_INFINITY;
            } else if (counted) {
                score = history[u] + activityShare[u]; // whole counts: the share only orders equal counts
            } else {
                score = history[u] > 0 ? history[u] : activityShare[u] - 1;
            }
            scoresByUserIndex[u] = (float) score;
        }
    }
}
