package io.contextualtargeting.engine.segment;

import io.contextualtargeting.formats.data.Ids;
import io.contextualtargeting.formats.data.ItemAttributes;
import io.contextualtargeting.formats.data.ItemColumns;
import io.contextualtargeting.formats.query.AttributeQuery;
import io.contextualtargeting.formats.query.ItemQuery;
import io.contextualtargeting.formats.query.QueryKind;
import io.contextualtargeting.formats.query.SegmentQuery;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A trained segmentation model: answers item and attribute queries with users ranked as the
 * validation on the training data chose for that kind of query ({@link SelectionReport}, {@link KindScorer}).
 * Only users with training interactions are ranked. {@link #topUsers} returns exactly the users
 * {@link #score} ranks first, through a faster quantised scan.
 */
public final class SegmentModel implements UserScorer {
    private final Ids users;
    private final Ids items;
    private final ItemAttributes attributes;
    private final boolean[] trainedItems;
    private final SelectionReport selection;
    private final Function<QueryKind, KindScorer> scorerFactory;
    private final Map<QueryKind, KindScorer> scorers = new EnumMap<>(QueryKind.class);

    /** @param scorerFactory builds a kind's scorer the first time a query of that kind comes */
    SegmentModel(Ids users, Ids items, ItemAttributes attributes, boolean[] trainedItems, SelectionReport selection,
                 Function<QueryKind, KindScorer> scorerFactory) {
        this.users = users;
        this.items = items;
        this.attributes = attributes;
        this.trainedItems = trainedItems;
        this.selection = selection;
        this.scorerFactory = scorerFactory;
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

    /** What the validation chose and why. */
    public SelectionReport selection() {
        return selection;
    }

    @Override
    public int userCount() {
        return users.size();
    }

    /** Users that can appear in a segment (those with training interactions). */
    public int rankableUserCount() {
        KindScorer scorer = scorer(selection.choices().keySet().iterator().next()); // every kind ranks the same users
        int count = 0;
        for (int u = 0; u < users.size(); u++) {
            count += scorer.isRankable(u) ? 1 : 0;
        }
        return count;
    }

    @Override
    public void score(SegmentQuery query, float[] scoresByUserIndex) {
        scorer(QueryKind.of(query)).score(target(query), scoresByUserIndex);
    }

    @Override
    public int[] topUsers(SegmentQuery query, int n) {
        return scorer(QueryKind.of(query)).top(target(query), n);
    }

    private synchronized KindScorer scorer(QueryKind kind) {
        return scorers.computeIfAbsent(kind, scorerFactory);
    }

    /** The matching items that have training interactions. */
    private int[] target(SegmentQuery query) {
        int[] trained = Arrays.stream(MatchingItems.of(query, items, attributes)).filter(i -> trainedItems[i]).toArray();
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
}
