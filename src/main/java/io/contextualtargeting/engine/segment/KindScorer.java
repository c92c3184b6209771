package io.contextualtargeting.engine.segment;

import io.contextualtargeting.engine.model.FactorMatrix;
import io.contextualtargeting.engine.model.InteractionMatrix;
import io.contextualtargeting.engine.model.VectorMath;

/**
 * Ranks users for one kind of query as its {@link ScoringChoice} says: a user's score is
 * {@code a_u (model * x_u . y_Q + (popularity + tie break) * pop(Q)) + a_u * history * h_u(Q)}, with
 * {@code a_u} the user's activity factor, {@code x_u} their taste shares, {@code y_Q} the sum of the
 * query's item factors, {@code pop(Q)} the items' share of all interactions and {@code h_u(Q)} the
 * user's own share on them. For an item query the model part counts only the item if the user has
 * not had it: a repeat is the history part's business (its weight is how often users come back).
 * For an attribute value, items had count too: having watched Action says one likes Action. The first part is a dot product of the user's vector
 * {@code a_u [model x_u, popularity + tie break]} with {@code [y_Q, pop(Q)]}, which the quantised
 * index scans exactly; the history part touches only the users who had the items.
 */
final class KindScorer {
    private final ScoringChoice choice;
    private final FactorMatrix itemFactors;
    private final float[] itemPopularity;
    private final DecayedHistory history;
    private final InteractionMatrix seenByItem;
    private final float[] activity;
    private final FactorMatrix vectors;
    private final QuantizedUserIndex index;

    /**
     * @param tastes   users' taste shares (see {@link Tastes}); unused when the choice has no model
     * @param activity users' activity: faded by the choice's activity half-life, or learnt
     * @param history  history faded by the choice's history half-life
     * @param seenByItem items as rows, the users who had them as columns; null to count items had too
     */
    KindScorer(ScoringChoice choice, FactorMatrix itemFactors, float[] itemPopularity, FactorMatrix tastes,
               UserActivity activity, DecayedHistory history, InteractionMatrix seenByItem) {
        this.choice = choice;
        this.itemFactors = itemFactors;
        this.itemPopularity = itemPopularity;
        this.history = history;
        this.seenByItem = seenByItem;
        int users = activity.userCount();
        double max = Double.NEGATIVE_INFINITY;
        boolean[] rankable = new boolean[users];
        for (int u = 0; u < users; u++) {
            rankable[u] = activity.logActivity(u) > Double.NEGATIVE_INFINITY;
            max = Math.max(max, activity.logActivity(u));
        }
        int k = choice.usesModel() ? tastes.dimension() : 0;
        this.activity = new float[users];
        float[][] rows = new float[users][k + 1];
        for (int u = 0; u < users; u++) {
            if (rankable[u]) {
                this.activity[u] = choice.activityFactor(activity.logActivity(u) - max);
                if (k > 0) {
                    VectorMath.axpy((float) (this.activity[u] * choice.modelWeight()), tastes.row(u), rows[u], k);
                }
                rows[u][k] = (float) (this.activity[u] * choice.sharedPart(0, 1));
            }
        }
        this.vectors = new FactorMatrix(rows, k + 1);
        this.index = QuantizedUserIndex.build(vectors, rankable);
    }

    boolean isRankable(int user) {
        return index.isRankable(user);
    }

    void score(int[] target, float[] scores) {
        float[] query = query(target);
        float[] extra = historyPart(target);
        for (int u = 0; u < scores.length; u++) {
            scores[u] = index.isRankable(u) ? index.exact(u, query, extra) : Float.NEGATIVE_INFINITY;
        }
    }

    int[] top(int[] target, int n) {
        return index.top(query(target), historyPart(target), n);
    }

    private float[] query(int[] target) {
        int k = choice.usesModel() ? itemFactors.dimension() : 0;
        float[] query = new float[k + 1];
        for (int item : target) {
            if (k > 0) {
                VectorMath.axpy(1f, itemFactors.row(item), query, k);
            }
            query[k] += itemPopularity[item];
        }
        return query;
    }

    /**
     * Per user: their activity times the history weight times their share on the target items,
     * minus the model part of the target items they already had; null when both are 0.
     */
    private float[] historyPart(int[] target) {
        int k = seenByItem == null ? 0 : vectors.dimension() - 1;
        if (choice.historyWeight() == 0 && k == 0) {
            return null;
        }
        float[] extra = new float[activity.length];
        float weight = (float) choice.historyWeight();
        history.forEachShare(target, (user, share) -> extra[user] += activity[user] * weight * share);
        for (int item = 0; k > 0 && item < target.length; item++) {
            float[] y = itemFactors.row(target[item]);
            for (int e = seenByItem.rowStart(target[item]); e < seenByItem.rowEnd(target[item]); e++) {
                int user = seenByItem.column(e);
                extra[user] -= VectorMath.dot(vectors.row(user), y, k);
            }
        }
        return extra;
    }
}
