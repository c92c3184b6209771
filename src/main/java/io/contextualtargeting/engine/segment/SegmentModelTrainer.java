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
        return train(data, parameters, ScoringParameters.defaults());
    }

    /** Trains with the settings a user fixed; the others are chosen from the data. */
    public static SegmentModel train(TrainingData data, TrainingParameters parameters, ExplicitSettings explicit) {
        TrainingParameters fixed = explicit.recencyHalfLifeDays().isPresent()
                ? parameters.withWeighting(parameters.weighting().withRecencyHalfLifeDays(explicit.recencyHalfLifeDays().getAsDouble()))
                : parameters;
        ScoringParameters scoring = explicit.activityHalfLifeDays().isPresent()
                ? new ScoringParameters(explicit.activityHalfLifeDays().getAsDouble()) : ScoringParameters.defaults();
        return train(data, fixed, scoring);
    }

    public static SegmentModel train(TrainingData data, TrainingParameters parameters, ScoringParameters scoring) {
        InteractionMatrix byUser = InteractionMatrix.byUser(data, parameters.weighting(), parameters.alpha());
        LatentFactors factors = ImplicitAlsTrainer.train(byUser, parameters);
        ChoiceCalibration calibration = ChoiceCalibration.of(byUser, factors.users(), factors.items(),
                activity(data, parameters, scoring));
        boolean[] rankable = new boolean[byUser.rows()];
        for (int u = 0; u < rankable.length; u++) {
            rankable[u] = byUser.rowEnd(u) > byUser.rowStart(u);
        }
        return new SegmentModel(data.users(), data.items(), factors.items(), data.attributes(), byUser.transpose(),
                calibration.repeatWeights(), QuantizedUserIndex.build(calibration.scaledUsers(), rankable));
    }

    /** Each user's interactions weighted as in training, but decaying with the activity half-life. */
    private static double[] activity(TrainingData data, TrainingParameters parameters, ScoringParameters scoring) {
        float[] weights = parameters.weighting().withRecencyHalfLifeDays(scoring.activityHalfLifeDays()).weights(data);
        double[] activity = new double[data.userCount()];
        for (int i = 0; i < weights.length; i++) {
            activity[data.user(i)] += weights[i];
        }
        return activity;
    }
}
