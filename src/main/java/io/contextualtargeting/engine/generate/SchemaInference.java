package io.contextualtargeting.engine.generate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contextualtargeting.formats.data.ColumnProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Avro schemas for one's own CSV files, from their headers and values: the required columns with
 * the types Personalize demands, numbers as int, long or float by their values, repeating strings
 * (or {@code |}-separated labels) as categorical, other item strings as textual. Columns holding
 * personal data (by name, or values that look like e-mail addresses or phone numbers) stay out of
 * the schemas, so the imports never read them.
 */
final class SchemaInference {

    private SchemaInference() {
    }

    static ObjectNode interactions(List<ColumnProfile> columns, List<String> notes) {
        List<ObjectNode> fields = new ArrayList<>();
        for (ColumnProfile column : columns) {
            String name = column.name().toUpperCase(java.util.Locale.ROOT);
            switch (name) {
                case DataFolderInit.USER_ID, DataFolderInit.ITEM_ID -> fields.add(TrainingConfig.field(column.name(), "string"));
                case DataFolderInit.TIMESTAMP -> fields.add(TrainingConfig.field(column.name(), "long"));
                case DataFolderInit.EVENT_TYPE -> fields.add(nullable(column, "string", column.hasEmpty()));
                case DataFolderInit.EVENT_VALUE -> fields.add(nullable(column, "float", column.hasEmpty()));
                default -> metadata(column, true, false, notes, "interactions").ifPresent(fields::add);
            }
        }
        return TrainingConfig.record("Interactions", fields.toArray(ObjectNode[]::new));
    }

    /** Empty when the file has no metadata column left: Personalize needs at least one. */
    static Optional<ObjectNode> items(List<ColumnProfile> columns, String file, List<String> notes) {
        return withId("Items", DataFolderInit.ITEM_ID, columns, file, false, notes);
    }

    static Optional<ObjectNode> users(List<ColumnProfile> columns, String file, List<String> notes) {
        return withId("Users", DataFolderInit.USER_ID, columns, file, true, notes);
    }

    private static Optional<ObjectNode> withId(String record, String id, List<ColumnProfile> columns, String file,
                                               boolean users, List<String> notes) {
        List<ObjectNode> fields = new ArrayList<>();
        String dataset = record.toLowerCase(java.util.Locale.ROOT);
        for (ColumnProfile column : columns) {
            if (column.name().equalsIgnoreCase(id)) {
                fields.add(0, TrainingConfig.field(column.name(), "string"));
            } else {
                metadata(column, users, !users, notes, dataset).ifPresent(fields::add);
            }
        }
        if (fields.size() < 2) {
            notes.add(file + ": no column besides " + id + " to import, so no " + dataset
                    + " dataset (Personalize needs at least one metadata column)");
            return Optional.empty();
        }
        return Optional.of(TrainingConfig.record(record, fields.toArray(ObjectNode[]::new)));
    }

    /**
     * A metadata column's field, or empty when it stays out: personal data, no value at all, or (for
     * users) strings that do not repeat, like names.
     *
     * @param personalByName whether the column's name alone can mark it personal (E_MAIL, PHONE, ...)
     * @param textual        whether strings that do not repeat are free text (items' titles, descriptions)
     */
    private static Optional<ObjectNode> metadata(ColumnProfile column, boolean personalByName, boolean textual,
                                                 List<String> notes, String dataset) {
        String name = column.name();
        if (column.personal() || (personalByName && DataFolderInit.personalName(name))) {
            notes.add(dataset + " column " + name + ": personal data, left out of the schema (never imported)");
            return Optional.empty();
        }
        if (column.nonEmpty() == 0) {
            notes.add(dataset + " column " + name + ": no value, left out of the schema");
            return Optional.empty();
        }
        if (column.numeric()) {
            // Personalize's CREATION_TIMESTAMP (and any time in seconds) is a long, even while it fits an int
            boolean time = name.toUpperCase(java.util.Locale.ROOT).endsWith(DataFolderInit.TIMESTAMP);
            String type = column.allInt() && !time ? "int" : column.allWhole() ? "long" : "float";
            return Optional.of(nullable(column, type, column.hasEmpty()));
        }
        if (column.hasSeparator() || column.repeats()) {
            return Optional.of(nullable(column, "string", column.hasEmpty()).put("categorical", true));
        }
        if (textual) {
            return Optional.of(nullable(column, "string", column.hasEmpty()).put("textual", true));
        }
        notes.add(dataset + " column " + name + ": its values do not repeat (names, free text?), left out of the schema");
        return Optional.empty();
    }

    private static ObjectNode nullable(ColumnProfile column, String type, boolean nullable) {
        ObjectNode field = TrainingConfig.field(column.name(), type);
        if (nullable) {
            field.putArray("type").add("null").add(type);
        }
        return field;
    }
}
