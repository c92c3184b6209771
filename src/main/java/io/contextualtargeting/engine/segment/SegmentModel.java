package io.contextualtargeting.engine.segment;

import io.contextualtargeting.engine.data.Ids;
import io.contextualtargeting.engine.data.ItemAttributes;
import io.contextualtargeting.engine.data.ItemColumns;
import io.contextualtargeting.engine.model.FactorMatrix;
import io.contextualtargeting.engine.model.InteractionMatrix;
import io.contextualtargeting.engine.model.VectorMath;
import io.contextualtargeting.engine.query.AttributeQuery;
import io.contextualtargeting.engine.query.ItemQuery;
import io.contextualtargeting.engine.query.SegmentQuery;
import java.util.Arrays;

/**
 * A trained segmentation model: answers item and attribute queries with users ranked by their
 * expected number of future interactions with the query's items (see {@link ChoiceCalibration}).
 * Only users with training interactions are ranked. A user's score is {@code x'_u . sum_i y_i}
 * over the target items, with calibrated user factors {@code x'_u}, minus that user's terms for
 * target items they already had (a new interaction with them would be a repeat), plus their
 * repeat weight times their past strength on those items. {@link #topUsers} returns exactly the
 * users {@link #score} ranks first, through a faster quantised scan.
 */
public final class SegmentModel implements UserScorer {
    private final Ids users;
    private final Ids items;
    private final FactorMatrix itemFactors;
    private final ItemAttributes attributes;
    private final InteractionMatrix byItem;
    private final float[] repeatWeights;
    private final QuantizedUserIndex index;

    SegmentModel(Ids users, Ids items, FactorMatrix itemFactors, ItemAttributes attributes,
                 InteractionMatrix byItem, float[] repeatWeights, QuantizedUserIndex index) {
        this.users = users;
        this.items = items;
        this.itemFactors = itemFactors;
        this.attributes = attributes;
        this.byItem = byItem;
        this.repeatWeights = repeatWeights;
        this.index = index;
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
        int[] target = target(query);
        float[] vector = vector(target);
        float[] extra = pastInteractions(target);
        for (int u = 0; u < scoresByUserIndex.length; u++) {
            scoresByUserIndex[u] = index.isRankable(u) ? index.exact(u, vector, extra) : Float.NEGATIVE_INFINITY;
        }
    }

    @Override
    public int[] topUsers(SegmentQuery query, int n) {
        int[] target = target(query);
        return index.top(vector(target), pastInteractions(target), n);
    }

    /** The matching items that have training interactions. */
    private int[] target(SegmentQuery query) {
        int[] matching = MatchingItems.of(query, items, attributes);
        int[] trained = Arrays.stream(matching).filter(i -> byItem.rowEnd(i) > byItem.rowStart(i)).toArray();
        if (trained.length > 0) {
            return trained;
        }
        if (query instanceof ItemQuery itemQuery) {
            throw new UnanswerableQueryException(ItemQuery.KEY, "item '" + itemQuery.itemId()
                    + "' has no interactions in the training data, so no user can be ranked for it");
        }
        throw new UnanswerableQueryException(AttributeQuery.KEY,
                "no item matching the expression has interactions in the training data");
    }

    private float[] vector(int[] target) {
        float[] vector = new float[itemFactors.dimension()];
        for (int item : target) {
            VectorMath.axpy(1f, itemFactors.row(item), vector, vector.length);
        }
        return vector;
    }

    /**
     * Per user, for the target items they already had: minus their new-interaction term, plus
     * their repeat weight times their strength on the item.
     */
    private float[] pastInteractions(int[] target) {
        float[] extra = new float[users.size()];
        for (int item : target) {
            float[] y = itemFactors.row(item);
            for (int e = byItem.rowStart(item); e < byItem.rowEnd(item); e++) {
                int u = byItem.column(e);
                extra[u] += repeatWeights[u] * byItem.strength(e) - index.exact(u, y, null);
            }
        }
        return extra;
    }
}
