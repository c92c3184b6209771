package io.contextualtargeting.engine.query;

/** One {@code ITEMS.<column> = "<value>"} term; the column is spelled as the items dataset spells it. */
public record AttributeTerm(String column, String value) {
}
