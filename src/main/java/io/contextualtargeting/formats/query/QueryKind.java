package io.contextualtargeting.formats.query;

/** Item and attribute queries are reported apart: they are different recipes with different difficulty. */
public enum QueryKind {
    ITEM("item queries"),
    ATTRIBUTE("attribute queries");

    private final String label;

    QueryKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static QueryKind of(SegmentQuery query) {
        return query instanceof ItemQuery ? ITEM : ATTRIBUTE;
    }
}
