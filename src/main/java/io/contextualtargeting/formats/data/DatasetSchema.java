package io.contextualtargeting.formats.data;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A Personalize dataset schema (an Avro record): the columns a dataset CSV is expected to have. */
public record DatasetSchema(String source, String name, List<SchemaField> fields) {

    public DatasetSchema {
        fields = List.copyOf(fields);
    }

    /** The field named {@code column}, compared case-insensitively as Personalize does. */
    public Optional<SchemaField> field(String column) {
        String wanted = column.toUpperCase(Locale.ROOT);
        return fields.stream().filter(f -> f.name().toUpperCase(Locale.ROOT).equals(wanted)).findFirst();
    }
}
