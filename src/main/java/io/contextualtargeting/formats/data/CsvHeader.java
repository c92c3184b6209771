package io.contextualtargeting.formats.data;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The header line of a dataset CSV: column names matched case-insensitively, checked against a schema. */
final class CsvHeader {
    private final String source;
    private final List<String> names;

    private CsvHeader(String source, List<String> names) {
        this.source = source;
        this.names = names;
    }

    /** Reads the first record as the header; {@code example} is a header line to suggest when there is none. */
    static CsvHeader read(CsvReader reader, CsvRecord record, String example) throws IOException {
        if (!reader.next(record)) {
            throw new DataFileException(reader.source(), 1, null,
                    "the file is empty; expected a header line such as " + example);
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < record.fieldCount(); i++) {
            String name = record.text(i).trim();
            if (name.isEmpty()) {
                throw new DataFileException(reader.source(), record.line(), null,
                        "column " + (i + 1) + " of the header has no name");
            }
            for (String other : names) {
                if (other.equalsIgnoreCase(name)) {
                    throw new DataFileException(reader.source(), record.line(), name,
                            "the column appears twice in the header");
                }
            }
            names.add(name);
        }
        reader.nameColumns(names);
        return new CsvHeader(reader.source(), names);
    }

    int size() {
        return names.size();
    }

    String name(int index) {
        return names.get(index);
    }

    /** The index of the column, or -1. */
    int indexOf(String column) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(column)) {
                return i;
            }
        }
        return -1;
    }

    int require(String column) {
        int index = indexOf(column);
        if (index < 0) {
            throw new DataFileException(source, 1, column, "required column " + column
                    + " is missing; the header has " + String.join(",", names));
        }
        return index;
    }

    /**
     * Every schema field that is not nullable must be a column. Columns the schema does not name are
     * not imported (a users file may carry e-mail addresses that must not be trained on).
     */
    void checkAgainst(Optional<DatasetSchema> schema) {
        if (schema.isEmpty()) {
            return;
        }
        DatasetSchema s = schema.get();
        for (SchemaField field : s.fields()) {
            if (!field.nullable() && indexOf(field.name()) < 0) {
                throw new DataFileException(source, 1, field.name(), "the schema " + describe(s)
                        + " requires this column but the header has " + String.join(",", names));
            }
        }
    }

    /**
     * Every data row must have exactly as many fields as the header. A short row names its first
     * missing column; a long one names none (the stray comma may be anywhere in the row).
     */
    void checkFieldCount(CsvRecord record) {
        if (record.fieldCount() != names.size()) {
            boolean missing = record.fieldCount() < names.size();
            throw new DataFileException(source, record.line(), missing ? names.get(record.fieldCount()) : null,
                    "expected " + names.size() + " fields (" + String.join(",", names) + "), found " + record.fieldCount()
                    + (missing ? "" : "; quote values that contain commas"));
        }
    }

    /** The field's type in the schema, when the schema declares one. */
    Optional<SchemaField> schemaField(Optional<DatasetSchema> schema, int column) {
        return schema.flatMap(s -> s.field(names.get(column)));
    }

    private static String describe(DatasetSchema schema) {
        return schema.name().isEmpty() ? "in " + schema.source() : schema.name() + " (" + schema.source() + ")";
    }
}
