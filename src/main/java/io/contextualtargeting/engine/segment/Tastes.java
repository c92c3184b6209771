package io.contextualtargeting.engine.segment;

import io.contextualtargeting.engine.model.FactorMatrix;
import io.contextualtargeting.engine.model.ImplicitAlsTrainer;
import io.contextualtargeting.engine.model.InteractionMatrix;
import io.contextualtargeting.engine.model.LatentFactors;
import io.contextualtargeting.engine.model.TrainingParameters;
import io.contextualtargeting.engine.model.VectorMath;
import io.contextualtargeting.formats.data.TrainingData;
import java.util.Arrays;

/**
 * The factor model's view of each user's taste, on the scale of shares: user factors scaled so that
 * {@code x_u . y_i} is item i's share of the user's predicted preferences ({@code x_u . y_i / x_u . Y},
 * {@code Y} summing every item's factors). A taste half-life re-solves the user factors, item factors
 * fixed, from the user's history with each row fading by its age before the user's own latest
 * interaction: what a user chose lately says more about their taste now, whenever they were last seen.
 * The user's total weight stays as it was, so fading changes what counts, not how confident the model is.
 */
final class Tastes {
    private static final double SECONDS_PER_DAY = 86_400;
    /**
     * Floor of {@code x_u . Y}, the user's predicted number of items, as a share of its mean over
     * users: it keeps users whose factors nearly cancel from getting huge shares, and it scales with
     * the factors (small data and strong regularisation shrink them all).
     */
    private static final float MIN_PREDICTED_SHARE_OF_MEAN = 0.1f;

    private Tastes() {
    }

    /**
     * @param baseWeights  each row's weight before fading, as the factors were trained with
     * @param halfLifeDays 0 keeps the trained user factors
     */
    static FactorMatrix shares(TrainingData data, float[] baseWeights, LatentFactors factors, double halfLifeDays,
                               TrainingParameters parameters) {
        FactorMatrix users = factors.users();
        if (halfLifeDays > 0) {
            InteractionMatrix faded = InteractionMatrix.byUser(data, faded(data, baseWeights, halfLifeDays), parameters.alpha());
            users = ImplicitAlsTrainer.foldInUsers(faded, factors.items(), parameters, users);
        }
        return calibrated(users, factors.items());
    }

    private static float[] faded(TrainingData data, float[] baseWeights, double halfLifeDays) {
        long[] latest = new long[data.userCount()];
        Arrays.fill(latest, Long.MIN_VALUE);
        for (int i = 0; i < data.interactionCount(); i++) {
            latest[data.user(i)] = Math.max(latest[data.user(i)], data.timestamp(i));
        }
        double decayPerSecond = Math.log(2) / (halfLifeDays * SECONDS_PER_DAY);
        double[] faded = new double[baseWeights.length];
        double[] fadedTotal = new double[data.userCount()];
        double[] total = new double[data.userCount()];
        for (int i = 0; i < faded.length; i++) {
            faded[i] = baseWeights[i] * Math.exp(-decayPerSecond * (latest[data.user(i)] - data.timestamp(i)));
            fadedTotal[data.user(i)] += faded[i];
            total[data.user(i)] += baseWeights[i];
        }
        // fading moves a user's weight towards their recent rows; it does not make the user count less
        float[] weights = new float[baseWeights.length];
        for (int i = 0; i < weights.length; i++) {
            int u = data.user(i);
            weights[i] = fadedTotal[u] > 0 ? (float) (faded[i] * total[u] / fadedTotal[u]) : 0;
        }
        return weights;
    }

    private static FactorMatrix calibrated(FactorMatrix users, FactorMatrix items) {
        int k = items.dimension();
        float[] all = new float[k];
        for (int i = 0; i < items.size(); i++) {
            VectorMath.axpy(1f, items.row(i), all, k);
        }
        double sum = 0;
        for (int u = 0; u < users.size(); u++) {
            sum += Math.max(0, VectorMath.dot(users.row(u), all, k));
        }
        float floor = (float) (MIN_PREDICTED_SHARE_OF_MEAN * sum / Math.max(1, users.size()));
        float[][] scaled = new float[users.size()][k];
        for (int u = 0; u < users.size(); u++) {
            float predictedItems = Math.max(floor, VectorMath.dot(users.row(u), all, k));
            if (!(predictedItems > 0)) {
                continue; // no factors at all (no interactions): no model share
            }
            VectorMath.axpy(1 / predictedItems, users.row(u), scaled[u], k);
        }
        return new FactorMatrix(scaled, k);
    }
}
