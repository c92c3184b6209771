package io.contextualtargeting.engine.segment;

import io.contextualtargeting.engine.data.TrainingData;
import io.contextualtargeting.engine.model.ImplicitAlsTrainer;
import io.contextualtargeting.engine.model.InteractionMatrix;
import io.contextualtargeting.engine.model.LatentFactors;
import io.contextualtargeting.engine.model.TrainingParameters;

/** Trains a {@link SegmentModel} on training data: the entry point of the embedded engine. */
public final class SegmentModelTrainer {

    private SegmentModelTrainer() {
    }

    public static SegmentModel train(TrainingData data, TrainingParameters parameters) {
        InteractionMatrix byUser = InteractionMatrix.byUser(data, parameters.weighting(), parameters.alpha());
        LatentFactors factors = ImplicitAlsTrainer.train(byUser, parameters);
        InteractionMatrix byItem = byUser.transpose();
        boolean[] rankable = new boolean[byUser.rows()];
        for (int u = 0; u < rankable.length; u++) {
            rankable[u] = byUser.rowEnd(u) > byUser.rowStart(u);
        }
        float[] popularity = new float[byItem.rows()];
        for (int i = 0; i < popularity.length; i++) {
            for (int e = byItem.rowStart(i); e < byItem.rowEnd(i); e++) {
                popularity[i] += byItem.strength(e);
            }
        }
        return new SegmentModel(data.users(), data.items(), factors.items(), data.attributes(), byItem, popularity,
                QuantizedUserIndex.build(factors.users(), rankable), ScoringParameters.defaults());
    }
}
