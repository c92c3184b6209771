package io.contextualtargeting.engine.segment;

import io.contextualtargeting.engine.model.ConfidenceWeighting;
import io.contextualtargeting.engine.model.FactorMatrix;
import io.contextualtargeting.engine.model.ImplicitAlsTrainer;
import io.contextualtargeting.engine.model.InteractionMatrix;
import io.contextualtargeting.engine.model.LatentFactors;
import io.contextualtargeting.engine.model.TrainingParameters;
import io.contextualtargeting.formats.data.TrainingData;
import io.contextualtargeting.formats.query.QueryKind;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Trains a {@link SegmentModel} on training data, the entry point of the embedded engine: chooses
 * the scoring per query kind and the model's confidence scale by validation on the latest
 * interactions ({@link SettingsSelection}), then trains on everything, continuing from the factors the
 * validation trained.
 */
public final class SegmentModelTrainer {

    private SegmentModelTrainer() {
    }

    /** Everything that depends on the data is chosen from it. */
    public static SegmentModel train(TrainingData data, TrainingParameters parameters) {
        return train(data, parameters, ExplicitSettings.none());
    }

    /**
     * Trains with the settings a user fixed; the others are chosen from the data. Rows weigh as
     * {@code parameters.weighting()} says (event types and values); how they fade with age is
     * chosen, or fixed by {@code explicit}, never taken from the weighting's own half-life.
     */
    public static SegmentModel train(TrainingData data, TrainingParameters parameters, ExplicitSettings explicit) {
        return train(data, parameters, explicit, EnumSet.allOf(QueryKind.class));
    }

    /**
     * The same for a model that will answer only queries of {@code kinds} (a batch job's recipe
     * asks one kind): the other kinds are not validated, which halves the tuning for a job of
     * attribute queries, and the model refuses them.
     */
    public static SegmentModel train(TrainingData data, TrainingParameters parameters, ExplicitSettings explicit,
                                     Set<QueryKind> kinds) {
        ConfidenceWeighting weighting = parameters.weighting().withRecencyHalfLifeDays(0);
        float[] weights = weighting.weights(data);
        InteractionMatrix byUser = InteractionMatrix.byUser(data, weights, parameters.alpha());
        SettingsSelection.Outcome selection = SettingsSelection.select(data, weighting, parameters, explicit,
                byUser.repeatShare(), kinds.isEmpty() ? EnumSet.allOf(QueryKind.class) : EnumSet.copyOf(kinds));
        TrainingParameters chosen = parameters.withAlpha(selection.report().alpha());
        InteractionMatrix trainedOn = chosen.alpha() == parameters.alpha() ? byUser
                : InteractionMatrix.byUser(data, weights, chosen.alpha());
        LatentFactors factors = selection.fitted() == null ? ImplicitAlsTrainer.train(trainedOn, chosen)
                : ImplicitAlsTrainer.train(trainedOn, chosen.withIterations(warmIterations(chosen)), selection.fitted());
        boolean[] trainedItems = new boolean[data.itemCount()];
        for (int i = 0; i < data.interactionCount(); i++) {
            trainedItems[data.item(i)] |= weights[i] > 0;
        }
        float[] popularity = SettingsSelection.itemPopularity(data, weights);
        InteractionMatrix seenByItem = byUser.transpose();
        Map<Double, DecayedHistory> histories = new HashMap<>();
        SelectionReport report = selection.report();
        return new SegmentModel(data.users(), data.items(), data.attributes(), trainedItems, report, kind -> {
            ScoringChoice choice = report.choice(kind);
            FactorMatrix tastes = choice.usesModel()
                    ? Tastes.shares(data, weights, factors, choice.tasteHalfLifeDays(), chosen) : null;
            UserActivity activity = choice.activityLearnt() ? LearntActivity.of(data, weights)
                    : history(histories, data, weights, choice.activityHalfLifeDays()).activity();
            DecayedHistory history = history(histories, data, weights, choice.historyHalfLifeDays());
            return new KindScorer(choice, factors.items(), popularity, tastes, activity, history,
                    kind == QueryKind.ITEM ? seenByItem : null);
        });
    }

    /** Continuing from factors trained on most of the same data converges in half the iterations. */
    private static int warmIterations(TrainingParameters parameters) {
        return Math.max(2, parameters.iterations() / 2);
    }

    private static synchronized DecayedHistory history(Map<Double, DecayedHistory> cache, TrainingData data,
                                                       float[] weights, double halfLifeDays) {
        return cache.computeIfAbsent(halfLifeDays, h -> DecayedHistory.of(data, weights, h));
    }
}
