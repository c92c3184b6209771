package io.contextualtargeting.engine.generate;

import java.util.List;

/**
 * The batch segment job inputs of a generated dataset: attribute expressions for the
 * attribute-affinity solution, item ids for the item-affinity solution.
 */
public record BatchQueries(List<String> attributeExpressions, List<String> itemIds) {
    /** Personalize's per-file limits. */
    public static final int MAX_ATTRIBUTE_LINES = 10;
    public static final int MAX_ITEM_LINES = 500;

    public BatchQueries {
        attributeExpressions = List.copyOf(attributeExpressions);
        itemIds = List.copyOf(itemIds);
    }
}
