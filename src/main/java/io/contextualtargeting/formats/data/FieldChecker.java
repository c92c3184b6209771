package io.contextualtargeting.formats.data;

/** Checks a CSV value against the type its schema field declares, as Personalize's import would. */
final class FieldChecker {

    private FieldChecker() {
    }

    /** Fails unless the value fits {@code field}; an empty value is a null, allowed only for nullable fields. */
    static void check(CsvRecord record, int column, SchemaField field) {
        if (record.isEmpty(column)) {
            if (!field.nullable()) {
                throw record.error(field.name(), "the value is empty but the schema field is not nullable");
            }
            return;
        }
        switch (field.type()) {
            case INT -> {
                long value = record.longValue(column, field.name(), "a whole number (schema type int)");
                if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                    throw record.error(field.name(), "'" + record.text(column) + "' is out of the range of an int");
                }
            }
            case LONG -> record.longValue(column, field.name(), "a whole number (schema type long)");
            case FLOAT, DOUBLE -> record.floatValue(column, field.name());
            case BOOLEAN -> {
                String text = record.text(column);
                if (!text.equals("true") && !text.equals("false")) {
                    throw record.error(field.name(), "'" + text + "' is not true or false (schema type boolean)");
                }
            }
            case STRING -> {
                // any text is a string
            }
        }
    }
}
