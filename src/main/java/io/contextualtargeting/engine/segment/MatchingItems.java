package io.contextualtargeting.engine.segment;

import io.contextualtargeting.formats.data.Ids;
import io.contextualtargeting.formats.data.ItemAttributes;
import io.contextualtargeting.formats.query.AttributeQuery;
import io.contextualtargeting.formats.query.AttributeTerm;
import io.contextualtargeting.formats.query.ItemQuery;
import io.contextualtargeting.formats.query.SegmentQuery;
import java.util.Arrays;

/** The items a query is about: its item, or every item having all the attribute values it names. */
public final class MatchingItems {

    private MatchingItems() {
    }

    /**
     * Sorted item indices; never empty.
     *
     * @throws UnanswerableQueryException for an unknown item, a value no item has, or terms no item has together
     */
    public static int[] of(SegmentQuery query, Ids items, ItemAttributes attributes) {
        if (query instanceof ItemQuery itemQuery) {
            int item = items.indexOf(itemQuery.itemId());
            if (item < 0) {
                throw new UnanswerableQueryException(ItemQuery.KEY, "item '" + itemQuery.itemId()
                        + "' is not in the training data");
            }
            return new int[] {item};
        }
        int[] matching = null;
        for (AttributeTerm term : ((AttributeQuery) query).terms()) {
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
        return matching;
    }

    /** The same items as a mask over all {@code itemCount} item indices. */
    public static boolean[] mask(int[] matching, int itemCount) {
        boolean[] mask = new boolean[itemCount];
        for (int item : matching) {
            mask[item] = true;
        }
        return mask;
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
