package io.contextualtargeting.workflow.training;

import io.contextualtargeting.formats.data.DataSource;
import io.contextualtargeting.formats.data.DatasetSchema;
import io.contextualtargeting.formats.data.FieldType;
import io.contextualtargeting.formats.data.SchemaException;
import io.contextualtargeting.formats.data.SchemaField;
import io.contextualtargeting.formats.data.SchemaReader;
import io.contextualtargeting.ports.SegmentationService.DatasetType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * What Personalize requires of a dataset: the columns of each dataset type, and an embedded Avro
 * schema that is a record holding them, non-null, with their types. Problems are reported by their
 * path in the training config, so the config's line can be named.
 */
final class SchemaRequirements {
    private static final Map<DatasetType, List<String>> REQUIRED = Map.of(
            DatasetType.INTERACTIONS, List.of("USER_ID", "ITEM_ID", "TIMESTAMP"),
            DatasetType.ITEMS, List.of("ITEM_ID"),
            DatasetType.USERS, List.of("USER_ID"));

    private SchemaRequirements() {
    }

    /** The columns every file of the dataset type needs, whatever its schema says. */
    static List<String> columns(DatasetType type) {
        return REQUIRED.get(type);
    }

    /**
     * Checks the schema at {@code path} of the config (an object, or a JSON string as some MLOps
     * configs have it); each problem goes to {@code problems} with the path of the part at fault.
     */
    static void check(DatasetType type, String path, String schemaText, BiConsumer<String, String> problems) {
        DatasetSchema schema;
        try {
            schema = SchemaReader.fromAvro(DataSource.ofText(path, schemaText));
        } catch (SchemaException e) {
            // The reader names parts of the schema from its root, "schema"; the config holds it at path.
            String part = e.field() == null || !e.field().startsWith("schema") ? "" : e.field().substring("schema".length());
            problems.accept(path + part, e.problem());
            return;
        }
        for (String name : REQUIRED.get(type)) {
            Optional<SchemaField> field = schema.field(name);
            FieldType expected = name.equals("TIMESTAMP") ? FieldType.LONG : FieldType.STRING;
            if (field.isEmpty() || field.get().nullable() || field.get().type() != expected) {
                String at = field.map(f -> path + ".fields[" + schema.fields().indexOf(f) + "]").orElse(path + ".fields");
                problems.accept(at, "the " + type.name().toLowerCase(Locale.ROOT) + " schema needs a non-null field "
                        + name + " of type " + expected.name().toLowerCase(Locale.ROOT));
            }
        }
    }
}
