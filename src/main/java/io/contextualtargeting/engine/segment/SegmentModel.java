package io.contextualtargeting.engine.segment;

import io.contextualtargeting.engine.data.Ids;
import io.contextualtargeting.engine.data.ItemAttributes;
import io.contextualtargeting.engine.data.ItemColumns;
import io.contextualtargeting.engine.model.FactorMatrix;
import io.contextualtargeting.engine.model.InteractionMatrix;
import io.contextualtargeting.engine.model.VectorMath;
import io.contextualtargeting.engine.query.AttributeQuery;
import io.contextualtargeting.engine.query.AttributeTerm;
import io.contextualtargeting.engine.query.ItemQuery;
import io.contextualtargeting.engine.query.SegmentQuery;
import java.util.Arrays;

/**
 * A trained segmentation model: answers item and attribute queries with users ranked by predicted
 * interest. Only users with training interactions are ranked. Scores are
 * {@code x_u . q + historyWeight * log(1 + h_u)}, where {@code q} is the weighted mix of the
 * target items' factors (see {@link ScoringParameters}); {@link #topUsers} returns exactly the
 * users {@link #score} ranks first, through a faster quantised scan.
 */
public final class SegmentModel implements UserScorer {
    private final Ids users;
    private final Ids items;
    private final FactorMatrix itemFactors;
    private final ItemAttributes attributes;
    private final InteractionMatrix byItem;
    private final float[] popularity;
    private final QuantizedUserIndex index;
    private final ScoringParameters scoring;

    SegmentModel(Ids users, Ids items, FactorMatrix itemFactors, ItemAttributes attributes,
                 InteractionMatrix byItem, float[] popularity, QuantizedUserIndex index, ScoringParameters scoring) {
        this.users = users;
        this.items = items;
        this.itemFactors = itemFactors;
        this.attributes = attributes;
        this.byItem = byItem;
        this.popularity = popularity;
        this.index = index;
        this.scoring = scoring;
    }

    /** The same model scoring with other parameters (for evaluations and tuning). */
    public SegmentModel withScoring(ScoringParameters parameters) {
        return new SegmentModel(users, items, itemFactors, attributes, byItem, popularity, index, parameters);
    }

    public Ids users() {
        return users;
    }

    public Ids items() {
        return items;
    }

    /** The items columns attribute queries can use. */
    public ItemColumns itemColumns() {
        return attributes.columns();
    }

    @Override
    public int userCount() {
        return users.size();
    }

    /** Users that can appear in a segment (those with training interactions). */
    public int rankableUserCount() {
        int count = 0;
        for (int u = 0; u < users.size(); u++) {
            if (index.isRankable(u)) {
                count++;
            }
        }
        return count;
    }

    @Override
    public void score(SegmentQuery query, float[] scoresByUserIndex) {
        QueryTarget target = target(query);
        float[] vector = vector(target);
        float[] extra = history(target, historyWeight(query));
        for (int u = 0; u < scoresByUserIndex.length; u++) {
            scoresByUserIndex[u] = index.isRankable(u) ? index.exact(u, vector, extra) : Float.NEGATIVE_INFINITY;
        }
    }

    @Override
    public int[] topUsers(SegmentQuery query, int n) {
        QueryTarget target = target(query);
        return index.top(vector(target), history(target, historyWeight(query)), n);
    }

    private QueryTarget target(SegmentQuery query) {
        if (query instanceof ItemQuery itemQuery) {
            int item = items.indexOf(itemQuery.itemId());
            if (item < 0) {
                throw new UnanswerableQueryException(ItemQuery.KEY, "item '" + itemQuery.itemId()
                        + "' is not in the training data");
            }
            if (popularity[item] == 0) {
                throw new UnanswerableQueryException(ItemQuery.KEY, "item '" + itemQuery.itemId()
                        + "' has no interactions in the training data, so no user can be ranked for it");
            }
            return new QueryTarget(new int[] {item}, new float[] {1f});
        }
        AttributeQuery attributeQuery = (AttributeQuery) query;
        int[] matching = null;
        for (AttributeTerm term : attributeQuery.terms()) {
            int[] withValue = attributes.itemsWith(term.column(), term.value());
            if (withValue.length == 0) {
                throw new UnanswerableQueryException(AttributeQuery.KEY, "no item has ITEMS." + term.column()
                        + " = \"" + term.value() + "\"");
            }
            matching = matching == null ? withValue : intersect(matching, withValue);
        }
        if (matching.length == 0) {
            throw new UnanswerableQueryException(AttributeQuery.KEY, "no item matches every term of the expression");
        }
        return weigh(matching);
    }

    private QueryTarget weigh(int[] matching) {
        float[] weights = new float[matching.length];
        double sum = 0;
        for (int i = 0; i < matching.length; i++) {
            float p = popularity[matching[i]];
            weights[i] = p == 0 ? 0 : (float) Math.pow(p, scoring.popularityExponent());
            sum += weights[i];
        }
        if (sum == 0) {
            throw new UnanswerableQueryException(AttributeQuery.KEY,
                    "no item matching the expression has interactions in the training data");
        }
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) (weights[i] / sum);
        }
        return new QueryTarget(matching, weights);
    }

    private float[] vector(QueryTarget target) {
        float[] vector = new float[itemFactors.dimension()];
        for (int i = 0; i < target.items().length; i++) {
            VectorMath.axpy(target.weights()[i], itemFactors.row(target.items()[i]), vector, vector.length);
        }
        return vector;
    }

    private float historyWeight(SegmentQuery query) {
        return query instanceof ItemQuery ? scoring.itemHistoryWeight() : scoring.attributeHistoryWeight();
    }

    /** {@code weight * log(1 + h_u)} per user, or null when history does not count. */
    private float[] history(QueryTarget target, float weight) {
        if (weight == 0) {
            return null;
        }
        float[] h = new float[users.size()];
        for (int item : target.items()) {
            for (int e = byItem.rowStart(item); e < byItem.rowEnd(item); e++) {
                h[byItem.column(e)] += byItem.strength(e);
            }
        }
        for (int u = 0; u < h.length; u++) {
            h[u] = h[u] == 0 ? 0 : weight * (float) Math.log1p(h[u]);
        }
        return h;
    }

    private static int[] intersect(int[] a, int[] b) {
        int[] out = new int[Math.min(a.length, b.length)];
        int n = 0;
        for (int i = 0, j = 0; i < a.length && j < b.length; ) {
            if (a[i] < b[j]) {
                i++;
            } else if (a[i] > b[j]) {
                j++;
            } else {
                out[n++] = a[i];
                i++;
                j++;
            }
        }
        return Arrays.copyOf(out, n);
    }
}
