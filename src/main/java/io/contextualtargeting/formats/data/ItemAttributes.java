package io.contextualtargeting.formats.data;

import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The items' metadata as an index: column, then value, then the sorted indices of the items having it. */
public final class ItemAttributes {
    private static final int[] NONE = new int[0];

    private final ItemColumns columns;
    private final Map<String, Map<String, int[]>> itemsByColumnAndValue;

    /** @param itemsByColumnAndValue keyed by column name as {@code columns} spells it */
    public ItemAttributes(ItemColumns columns, Map<String, Map<String, int[]>> itemsByColumnAndValue) {
        this.columns = columns;
        Map<String, Map<String, int[]>> upper = new HashMap<>();
        itemsByColumnAndValue.forEach((column, values) ->
                upper.put(column.toUpperCase(Locale.ROOT), Collections.unmodifiableMap(new HashMap<>(values))));
        this.itemsByColumnAndValue = Collections.unmodifiableMap(upper);
    }

    public static ItemAttributes empty() {
        return new ItemAttributes(new ItemColumns(java.util.List.of()), Map.of());
    }

    public ItemColumns columns() {
        return columns;
    }

    /** The values items have in {@code column} (labels, for a categorical column), in no particular order. */
    public java.util.Set<String> values(String column) {
        return itemsByColumnAndValue.getOrDefault(column.toUpperCase(Locale.ROOT), Map.of()).keySet();
    }

    /** The items whose {@code column} has {@code value} (for a categorical column: among its labels). */
    public int[] itemsWith(String column, String value) {
        Map<String, int[]> values = itemsByColumnAndValue.get(column.toUpperCase(Locale.ROOT));
        if (values == null) {
            return NONE;
        }
        return values.getOrDefault(value, NONE);
    }
}
