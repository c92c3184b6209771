package io.contextualtargeting.formats.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contextualtargeting.formats.data.ColumnRole;
import io.contextualtargeting.formats.data.DataSource;
import io.contextualtargeting.formats.data.ItemColumn;
import io.contextualtargeting.formats.data.ItemColumns;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryFileReaderTest {
    private static final ItemColumns COLUMNS = new ItemColumns(List.of(new ItemColumn("GENRES", ColumnRole.CATEGORICAL)));

    @Test
    void itemAndAttributeLinesBecomeQueriesWithTheirLineNumbers() {
        List<QueryLine> lines = read("""
                {"itemId": "105"}

                {"itemAttributes": "ITEMS.GENRES = \\"Action\\""}
                """, QueryLimits.PERSONALIZE);

        assertThat(lines).containsExactly(
                new QueryLine(1, new ItemQuery("105")),
                new QueryLine(3, new AttributeQuery("ITEMS.GENRES = \"Action\"", List.of(new AttributeTerm("GENRES", "Action")))));
    }

    @Test
    void grammarErrorNamesTheLine() {
        assertThatThrownBy(() -> read("{\"itemId\": \"1\"}\n{\"itemAttributes\": \"ITEMS.GENRES = \\\"A\\\" OR ITEMS.GENRES = \\\"B\\\"\"}\n",
                QueryLimits.PERSONALIZE))
                .hasMessageStartingWith("job_config.json, line 2, field itemAttributes: at position 19: OR is not supported");
    }

    @Test
    void brokenJsonNamesTheLine() {
        assertThatThrownBy(() -> read("{\"itemId\": \"1\"}\n{\"itemId\": \"2\"\n", QueryLimits.PERSONALIZE))
                .isInstanceOf(QueryException.class)
                .hasMessageStartingWith("job_config.json, line 2: not a JSON object");
    }

    @Test
    void trailingTextAfterTheObjectIsRejected() {
        assertThatThrownBy(() -> read("{\"itemId\": \"1\"} {\"itemId\": \"2\"}\n", QueryLimits.PERSONALIZE))
                .hasMessageStartingWith("job_config.json, line 1: not a JSON object");
    }

    @Test
    void lineWithBothKeysIsRejected() {
        assertThatThrownBy(() -> read("{\"itemId\": \"1\", \"itemAttributes\": \"ITEMS.GENRES = \\\"A\\\"\"}", QueryLimits.PERSONALIZE))
                .hasMessage("job_config.json, line 1: a line holds either itemId or itemAttributes, not both");
    }

    @Test
    void unknownKeyIsRejected() {
        assertThatThrownBy(() -> read("{\"userId\": \"1\"}", QueryLimits.PERSONALIZE))
                .hasMessage("job_config.json, line 1, field userId: unknown key; a line holds either itemId or itemAttributes");
    }

    @Test
    void numericItemIdIsRejected() {
        assertThatThrownBy(() -> read("{\"itemId\": 105}", QueryLimits.PERSONALIZE))
                .hasMessage("job_config.json, line 1, field itemId: expected a non-empty string, like {\"itemId\": \"105\"}");
    }

    @Test
    void moreThan500ItemQueriesBreakPersonalizesLimit() {
        String file = "{\"itemId\": \"1\"}\n".repeat(501);

        assertThatThrownBy(() -> read(file, QueryLimits.PERSONALIZE))
                .hasMessage("job_config.json, line 501, field itemId: more than 500 itemId queries in one file"
                        + " (Personalize's limit); split the file into several jobs");
    }

    @Test
    void moreThan10AttributeQueriesBreakPersonalizesLimit() {
        String file = "{\"itemAttributes\": \"ITEMS.GENRES = \\\"A\\\"\"}\n".repeat(11);

        assertThatThrownBy(() -> read(file, QueryLimits.PERSONALIZE))
                .hasMessageStartingWith("job_config.json, line 11, field itemAttributes: more than 10 itemAttributes queries");
    }

    @Test
    void limitsCanBeLifted() {
        String file = "{\"itemAttributes\": \"ITEMS.GENRES = \\\"A\\\"\"}\n".repeat(11) + "{\"itemId\": \"1\"}\n".repeat(501);

        assertThat(read(file, QueryLimits.NONE)).hasSize(512);
    }

    @Test
    void fileWithoutQueriesIsRejected() {
        assertThatThrownBy(() -> read("\n\n", QueryLimits.PERSONALIZE))
                .hasMessageStartingWith("job_config.json: the file holds no query");
    }

    private static List<QueryLine> read(String text, QueryLimits limits) {
        return QueryFileReader.read(DataSource.ofText("job_config.json", text), COLUMNS, limits);
    }
}
