package io.contextualtargeting.formats.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SchemaReaderTest {
    private static final String ITEMS_SCHEMA = """
            {"type": "record", "name": "Items", "namespace": "com.amazonaws.personalize.schema",
             "fields": [{"name": "ITEM_ID", "type": "string"},
                        {"name": "TITLE", "type": "string", "textual": true},
                        {"name": "GENRES", "type": ["null", "string"], "categorical": true}],
             "version": "1.0"}""";

    @Test
    void avroRecordGivesFieldsWithTypesAndFlags() {
        DatasetSchema schema = SchemaReader.fromAvro(DataSource.ofText("items.avsc", ITEMS_SCHEMA));

        assertThat(schema.name()).isEqualTo("Items");
        assertThat(schema.fields()).containsExactly(
                new SchemaField("ITEM_ID", FieldType.STRING, false, false, false),
                new SchemaField("TITLE", FieldType.STRING, false, false, true),
                new SchemaField("GENRES", FieldType.STRING, true, true, false));
        assertThat(ItemColumns.fromSchema(schema).queryableNames()).containsExactly("GENRES");
    }

    @Test
    void trainingConfigSchemasMayBeObjectsOrJsonStrings() {
        String config = """
                {"datasets": {
                   "items": {"schema": {"serviceConfig": {"name": "s", "schema": %s}}},
                   "interactions": {"schema": {"serviceConfig": {"schema": "{\\"type\\": \\"record\\", \\"fields\\": [{\\"name\\": \\"TIMESTAMP\\", \\"type\\": \\"long\\"}]}"}}}
                }}""".formatted(ITEMS_SCHEMA);

        DatasetSchemas schemas = SchemaReader.fromTrainingConfig(DataSource.ofText("config.json", config));

        assertThat(schemas.items().orElseThrow().fields()).hasSize(3);
        assertThat(schemas.interactions().orElseThrow().field("timestamp").orElseThrow().type()).isEqualTo(FieldType.LONG);
        assertThat(schemas.users()).isEmpty();
    }

    @Test
    void unsupportedTypeIsNamedWithItsPath() {
        String schema = "{\"type\": \"record\", \"fields\": [{\"name\": \"X\", \"type\": \"bytes\"}]}";

        assertThatThrownBy(() -> SchemaReader.fromAvro(DataSource.ofText("s.avsc", schema)))
                .isInstanceOf(SchemaException.class)
                .hasMessageStartingWith("s.avsc, field schema.fields[0]: field X: type \"bytes\" is not one of");
    }

    @Test
    void configWithoutDatasetsIsRejected() {
        assertThatThrownBy(() -> SchemaReader.fromTrainingConfig(DataSource.ofText("config.json", "{}")))
                .hasMessage("config.json, field datasets: the training config has no \"datasets\" object");
    }

    @Test
    void invalidJsonNamesItsLine() {
        assertThatThrownBy(() -> SchemaReader.fromTrainingConfig(DataSource.ofText("config.json", "{\n\"a\": }")))
                .isInstanceOf(SchemaException.class)
                .hasMessageStartingWith("config.json: not valid JSON at line 2");
    }
}
