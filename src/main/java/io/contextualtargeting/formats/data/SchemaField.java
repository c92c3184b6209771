package io.contextualtargeting.formats.data;

/** One field of a Personalize dataset schema: its column name, type and metadata flags. */
public record SchemaField(String name, FieldType type, boolean nullable, boolean categorical, boolean textual) {
}
