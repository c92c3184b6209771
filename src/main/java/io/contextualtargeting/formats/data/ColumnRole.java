package io.contextualtargeting.formats.data;

/** What an items metadata column can be used for in an attribute query. */
public enum ColumnRole {
    /** Values are {@code |}-separated labels; an item matches a label it carries. */
    CATEGORICAL,
    /** One value per item (a number, a string not marked categorical); an item matches its exact value. */
    VALUE,
    /** Free text (a title, a description): Personalize cannot segment on it. */
    TEXTUAL
}
