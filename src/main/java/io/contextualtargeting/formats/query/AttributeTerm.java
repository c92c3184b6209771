package io.contextualtargeting.formats.query;

/** One {@code ITEMS.<column> = "<value>"} term; the column is spelled as the items dataset spells it. */
public record AttributeTerm(String column, String value) {
}
