package io.contextualtargeting.formats.query;

/** Users most likely to interact with one item (the aws-item-affinity recipe). */
public record ItemQuery(String itemId) implements SegmentQuery {
    public static final String KEY = "itemId";

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String value() {
        return itemId;
    }
}
