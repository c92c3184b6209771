package io.contextualtargeting.local.statemachine;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * The fields of one JSON object of a definition, read by name; {@link #rejectUnread()} then reports
 * any field nobody asked for, so an unsupported field is a load error rather than silently ignored.
 */
final class DefinitionFields {
    private final String machine;
    private final String where;
    private final JsonNode node;
    private final Set<String> read = new HashSet<>();

    DefinitionFields(String machine, String where, JsonNode node) {
        this.machine = machine;
        this.where = where;
        this.node = node;
        if (node == null || !node.isObject()) {
            throw error(null, "must be a JSON object");
        }
    }

    String where() {
        return where;
    }

    boolean has(String field) {
        read.add(field);
        return node.has(field);
    }

    JsonNode get(String field) {
        read.add(field);
        return node.get(field);
    }

    String text(String field) {
        JsonNode value = get(field);
        if (value == null) {
            throw error(field, "is required");
        }
        if (!value.isTextual()) {
            throw error(field, "must be a string");
        }
        return value.textValue();
    }

    String optionalText(String field) {
        return has(field) ? text(field) : null;
    }

    Integer optionalInt(String field, int min) {
        JsonNode value = get(field);
        if (value == null) {
            return null;
        }
        if (!value.canConvertToExactIntegral() || !value.canConvertToInt() || value.intValue() < min) {
            throw error(field, "must be an integer >= " + min + ", got " + value);
        }
        return value.intValue();
    }

    Double optionalNumber(String field, double min) {
        JsonNode value = get(field);
        if (value == null) {
            return null;
        }
        if (!value.isNumber() || value.doubleValue() < min) {
            throw error(field, "must be a number >= " + min + ", got " + value);
        }
        return value.doubleValue();
    }

    /** Whether the field is present with JSON null (ResultPath, InputPath, OutputPath may be null). */
    boolean isNull(String field) {
        JsonNode value = get(field);
        return value != null && value.isNull();
    }

    void rejectUnread() {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!read.contains(field)) {
                throw error(field, "is not supported here by the local executor");
            }
        }
    }

    AslDefinitionException error(String field, String problem) {
        return new AslDefinitionException(machine, field == null ? where : where + "." + field, problem);
    }
}
