package io.contextualtargeting.engine.segment;

import io.contextualtargeting.engine.model.FactorMatrix;
import io.contextualtargeting.engine.model.InteractionMatrix;
import io.contextualtargeting.engine.model.VectorMath;

/**
 * Turns the factor model's preferences into each user's expected number of future interactions
 * with an item, so that users can be compared with each other for one item. A user's next
 * interaction is a repeat of something they already had with probability {@code rho} (the data's
 * repeat share), picked in proportion to their past weights; otherwise a new item i, with
 * probability {@code x_u.y_i / x_u.Y} where {@code Y} sums all item factors (the preference for i
 * among all the user's predicted preferences). Multiplied by the user's recent activity
 * {@code a_u}, the expected interactions with a set of items Q are
 * {@code a_u ((1 - rho) sum over unseen i in Q of x_u.y_i / x_u.Y + rho h_u(Q) / h_u)}.
 * Hence the user factors are scaled by {@code (1 - rho) a_u / x_u.Y} and each user gets a repeat
 * weight {@code rho a_u / h_u}, where {@code h_u} is the user's total training strength.
 */
record ChoiceCalibration(FactorMatrix scaledUsers, float[] repeatWeights) {
    /**
     * Floor of {@code x_u.Y}, the user's predicted number of items: every ranked user had at least
     * one, and a floor keeps users whose factors nearly cancel from getting huge scores.
     */
    private static final float MIN_PREDICTED_ITEMS = 1f;

    /**
     * @param activity each user's recent activity (0 for users without interactions)
     */
    static ChoiceCalibration of(InteractionMatrix byUser, FactorMatrix users, FactorMatrix items, double[] activity) {
        int k = items.dimension();
        float[] all = new float[k];
        for (int i = 0; i < items.size(); i++) {
            VectorMath.axpy(1f, items.row(i), all, k);
        }
        double rho = byUser.repeatShare();
        float[][] scaled = new float[users.size()][k];
        float[] repeatWeights = new float[users.size()];
        for (int u = 0; u < users.size(); u++) {
            double strength = 0;
            for (int e = byUser.rowStart(u); e < byUser.rowEnd(u); e++) {
                strength += byUser.strength(e);
            }
            if (strength == 0) {
                continue; // never ranked: factors and weight stay 0
            }
            float predictedItems = Math.max(MIN_PREDICTED_ITEMS, VectorMath.dot(users.row(u), all, k));
            VectorMath.axpy((float) ((1 - rho) * activity[u] / predictedItems), users.row(u), scaled[u], k);
            repeatWeights[u] = (float) (rho * activity[u] / strength);
        }
        return new ChoiceCalibration(new FactorMatrix(scaled, k), repeatWeights);
    }
}
