package io.contextualtargeting.formats.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrainingDataReaderTest {
    private static final String ITEMS = """
            ITEM_ID,TITLE,RELEASE_YEAR,GENRES
            i1,Alpha,1995,Action|Comedy
            i2,Beta,2001,Action
            i3,Gamma,1995,Drama
            """;

    @Test
    void idsGetDenseIndicesInOrderOfFirstAppearanceAfterTheItemsFile() {
        TrainingData data = read("""
                USER_ID,ITEM_ID,TIMESTAMP
                u7,i3,1700000100
                u2,i1,1700000200
                u7,i9,1700000300
                """, ITEMS);

        assertThat(data.userCount()).isEqualTo(2);
        assertThat(data.users().id(0)).isEqualTo("u7");
        assertThat(data.users().indexOf("u2")).isEqualTo(1);
        assertThat(data.items().id(3)).isEqualTo("i9");
        assertThat(data.catalogItemCount()).isEqualTo(3);
        assertThat(data.item(0)).isEqualTo(2);
        assertThat(data.timestamp(2)).isEqualTo(1700000300L);
    }

    @Test
    void interactionsWithItemsMissingFromTheItemsFileAreKeptWithoutMetadata() {
        TrainingData data = read("USER_ID,ITEM_ID,TIMESTAMP\nu1,i9,1700000001\n", ITEMS);

        assertThat(data.items().indexOf("i9")).isEqualTo(3);
        assertThat(data.attributes().itemsWith("GENRES", "Action")).containsExactly(0, 1);
    }

    @Test
    void duplicateRowsAreRepeatedInteractions() {
        TrainingData data = read("USER_ID,ITEM_ID,TIMESTAMP\nu1,i1,1700000005\nu1,i1,1700000005\n", ITEMS);

        assertThat(data.interactionCount()).isEqualTo(2);
    }

    @Test
    void optionalColumnsAreReadInAnyOrderAndCase() {
        TrainingData data = read("""
                timestamp,event_type,Item_Id,EVENT_VALUE,user_id
                1700000010,watch,i1,0.5,u1
                1700000011,click,i2,,u1
                """, ITEMS);

        assertThat(data.eventTypes()).containsExactly("watch", "click");
        assertThat(data.eventType(1)).isEqualTo(1);
        assertThat(data.eventValue(0)).isEqualTo(0.5f);
        assertThat(data.eventValue(1)).isNaN();
    }

    @Test
    void quotedIdsWithCommasAreOneId() {
        TrainingData data = read("USER_ID,ITEM_ID,TIMESTAMP\r\n\"doe, jane\",\"i1\",1700000001\r\n", ITEMS);

        assertThat(data.users().id(0)).isEqualTo("doe, jane");
        assertThat(data.item(0)).isZero();
    }

    @Test
    void nonNumericTimestampNamesFileLineAndField() {
        String interactions = "USER_ID,ITEM_ID,TIMESTAMP\nu1,i1,1700000001\nu1,i2,abc\n";

        assertThatThrownBy(() -> read(interactions, ITEMS))
                .isInstanceOf(DataFileException.class)
                .hasMessage("interactions.csv, line 3, field TIMESTAMP: 'abc' is not a whole number of seconds since 1970");
    }

    @Test
    void nonNumericEventValueIsRejected() {
        assertThatThrownBy(() -> read("USER_ID,ITEM_ID,TIMESTAMP,EVENT_VALUE\nu1,i1,1700000001,lots\n", ITEMS))
                .hasMessage("interactions.csv, line 2, field EVENT_VALUE: 'lots' is not a finite decimal number");
    }

    @Test
    void missingRequiredColumnIsNamed() {
        assertThatThrownBy(() -> read("USER_ID,ITEM_ID\nu1,i1\n", ITEMS))
                .isInstanceOf(DataFileException.class)
                .hasMessage("interactions.csv, line 1, field TIMESTAMP: required column TIMESTAMP is missing;"
                        + " the header has USER_ID,ITEM_ID");
    }

    @Test
    void rowWithExtraFieldSuggestsQuoting() {
        assertThatThrownBy(() -> read("USER_ID,ITEM_ID,TIMESTAMP\nu1,i1,1,extra\n", ITEMS))
                .hasMessage("interactions.csv, line 2: expected 3 fields (USER_ID,ITEM_ID,TIMESTAMP), found 4;"
                        + " quote values that contain commas");
    }

    @Test
    void rowWithMissingFieldIsRejected() {
        assertThatThrownBy(() -> read("USER_ID,ITEM_ID,TIMESTAMP\nu1,1\n", ITEMS))
                .hasMessage("interactions.csv, line 2, field TIMESTAMP: expected 3 fields (USER_ID,ITEM_ID,TIMESTAMP), found 2");
    }

    @Test
    void emptyFileAsksForAHeader() {
        assertThatThrownBy(() -> read("", ITEMS))
                .isInstanceOf(DataFileException.class)
                .hasMessageStartingWith("interactions.csv, line 1: the file is empty; expected a header line such as USER_ID,ITEM_ID");
    }

    @Test
    void headerWithoutInteractionsIsRejected() {
        assertThatThrownBy(() -> read("USER_ID,ITEM_ID,TIMESTAMP\n", ITEMS))
                .hasMessage("interactions.csv: the file has a header but no interactions");
    }

    @Test
    void emptyUserIdIsRejected() {
        assertThatThrownBy(() -> read("USER_ID,ITEM_ID,TIMESTAMP\n,i1,1\n", ITEMS))
                .hasMessage("interactions.csv, line 2, field USER_ID: the id is empty");
    }

    @Test
    void unterminatedQuoteInInteractionsIsAnInputError() {
        assertThatThrownBy(() -> read("USER_ID,ITEM_ID,TIMESTAMP\nu1,\"i1,1\n", ITEMS))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("line 2");
    }

    @Test
    void itemListedTwiceIsRejected() {
        assertThatThrownBy(() -> read("USER_ID,ITEM_ID,TIMESTAMP\nu1,i1,1700000001\n", "ITEM_ID,GENRES\ni1,A\ni1,B\n"))
                .hasMessage("items.csv, line 3, field ITEM_ID: item 'i1' appears more than once in the items file;"
                        + " keep one row per item");
    }

    @Test
    void withoutSchemaPipeSeparatedNumericAndFreeTextColumnsGetTheirRoles() {
        TrainingData data = read("USER_ID,ITEM_ID,TIMESTAMP\nu1,i1,1700000001\n", ITEMS);
        ItemColumns columns = data.attributes().columns();

        assertThat(columns.find("genres").orElseThrow().role()).isEqualTo(ColumnRole.CATEGORICAL);
        assertThat(columns.find("RELEASE_YEAR").orElseThrow().role()).isEqualTo(ColumnRole.VALUE);
        assertThat(data.attributes().itemsWith("GENRES", "Comedy")).containsExactly(0);
        assertThat(data.attributes().itemsWith("release_year", "1995")).containsExactly(0, 2);
    }

    @Test
    void withoutSchemaAStringColumnWithMostlyDistinctValuesIsTextual() {
        StringBuilder items = new StringBuilder("ITEM_ID,TITLE,KIND\n");
        for (int i = 0; i < 60; i++) {
            items.append("i").append(i).append(",Title number ").append(i).append(",").append(i % 3 == 0 ? "film" : "series").append('\n');
        }
        TrainingData data = read("USER_ID,ITEM_ID,TIMESTAMP\nu1,i1,1700000001\n", items.toString());

        assertThat(data.attributes().columns().find("TITLE").orElseThrow().role()).isEqualTo(ColumnRole.TEXTUAL);
        assertThat(data.attributes().columns().find("KIND").orElseThrow().role()).isEqualTo(ColumnRole.CATEGORICAL);
        assertThat(data.attributes().itemsWith("KIND", "film")).hasSize(20);
    }

    @Test
    void schemaDecidesRolesAndTypes() {
        DatasetSchemas schemas = new DatasetSchemas(Optional.empty(), Optional.of(itemsSchema()), Optional.empty());
        TrainingData data = TrainingDataReader.read(source("interactions.csv", "USER_ID,ITEM_ID,TIMESTAMP\nu1,i1,1700000001\n"),
                Optional.of(source("items.csv", ITEMS)), Optional.empty(), schemas);
        ItemColumns columns = data.attributes().columns();

        assertThat(columns.find("TITLE").orElseThrow().role()).isEqualTo(ColumnRole.TEXTUAL);
        assertThat(columns.find("RELEASE_YEAR").orElseThrow().role()).isEqualTo(ColumnRole.VALUE);
        assertThat(columns.find("GENRES").orElseThrow().role()).isEqualTo(ColumnRole.CATEGORICAL);
        assertThat(data.attributes().itemsWith("TITLE", "Alpha")).isEmpty();
    }

    @Test
    void valueOfTheWrongSchemaTypeIsRejected() {
        DatasetSchemas schemas = new DatasetSchemas(Optional.empty(), Optional.of(itemsSchema()), Optional.empty());

        assertThatThrownBy(() -> TrainingDataReader.read(source("interactions.csv", "USER_ID,ITEM_ID,TIMESTAMP\nu1,i1,1700000001\n"),
                Optional.of(source("items.csv", "ITEM_ID,RELEASE_YEAR,GENRES\ni1,soon,A\n")), Optional.empty(), schemas))
                .hasMessage("items.csv, line 2, field RELEASE_YEAR: 'soon' is not a whole number (schema type int)");
    }

    @Test
    void columnRequiredBySchemaMustBeInTheHeader() {
        DatasetSchema interactions = new DatasetSchema("config.json", "Interactions", java.util.List.of(
                new SchemaField("USER_ID", FieldType.STRING, false, false, false),
                new SchemaField("ITEM_ID", FieldType.STRING, false, false, false),
                new SchemaField("EVENT_TYPE", FieldType.STRING, false, false, false),
                new SchemaField("TIMESTAMP", FieldType.LONG, false, false, false)));
        DatasetSchemas schemas = new DatasetSchemas(Optional.of(interactions), Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> TrainingDataReader.read(source("interactions.csv", "USER_ID,ITEM_ID,TIMESTAMP\nu1,i1,1700000001\n"),
                Optional.empty(), Optional.empty(), schemas))
                .hasMessageStartingWith("interactions.csv, line 1, field EVENT_TYPE: the schema Interactions (config.json)"
                        + " requires this column");
    }

    @Test
    void usersFileIsValidated() {
        assertThatThrownBy(() -> TrainingDataReader.read(source("interactions.csv", "USER_ID,ITEM_ID,TIMESTAMP\nu1,i1,1700000001\n"),
                Optional.empty(), Optional.of(source("users.csv", "USER_ID,AGE\nu1,30\nu1,31\n")), DatasetSchemas.NONE))
                .hasMessageStartingWith("users.csv, line 3, field USER_ID: user 'u1' appears more than once");
    }

    @Test
    void missingFileIsAnInputErrorNamingThePath() {
        assertThatThrownBy(() -> TrainingDataReader.read(DataSource.ofFile(java.nio.file.Path.of("/nonexistent/x.csv")),
                Optional.empty(), Optional.empty(), DatasetSchemas.NONE))
                .isInstanceOf(DataFileException.class)
                .hasMessage("/nonexistent/x.csv: file not found");
    }

    @Test
    void selectKeepsIndicesAndOnlyTheAcceptedInteractions() {
        TrainingData data = read("USER_ID,ITEM_ID,TIMESTAMP\nu1,i1,1700000010\nu2,i2,1700000020\nu1,i3,1700000030\n", ITEMS);

        TrainingData early = data.select(i -> data.timestamp(i) < 1700000025L);

        assertThat(early.interactionCount()).isEqualTo(2);
        assertThat(early.userCount()).isEqualTo(2);
        assertThat(early.users()).isSameAs(data.users());
        assertThat(early.item(1)).isEqualTo(1);
    }

    private static DatasetSchema itemsSchema() {
        return new DatasetSchema("config.json", "Items", java.util.List.of(
                new SchemaField("ITEM_ID", FieldType.STRING, false, false, false),
                new SchemaField("TITLE", FieldType.STRING, true, false, true),
                new SchemaField("RELEASE_YEAR", FieldType.INT, false, false, false),
                new SchemaField("GENRES", FieldType.STRING, true, true, false)));
    }

    private static TrainingData read(String interactions, String items) {
        return TrainingDataReader.read(source("interactions.csv", interactions), Optional.of(source("items.csv", items)),
                Optional.empty(), DatasetSchemas.NONE);
    }

    private static DataSource source(String name, String text) {
        return DataSource.ofText(name, text);
    }
}
