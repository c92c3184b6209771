package io.contextualtargeting.formats.data;

/** A metadata column of the items dataset (never ITEM_ID) and its role. */
public record ItemColumn(String name, ColumnRole role) {

    public boolean isQueryable() {
        return role != ColumnRole.TEXTUAL;
    }
}
