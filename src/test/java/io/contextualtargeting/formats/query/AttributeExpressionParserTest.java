package io.contextualtargeting.formats.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contextualtargeting.formats.data.ColumnRole;
import io.contextualtargeting.formats.data.ItemColumn;
import io.contextualtargeting.formats.data.ItemColumns;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AttributeExpressionParserTest {
    private static final ItemColumns COLUMNS = new ItemColumns(List.of(
            new ItemColumn("GENRES", ColumnRole.CATEGORICAL),
            new ItemColumn("RELEASE_YEAR", ColumnRole.VALUE),
            new ItemColumn("TITLE", ColumnRole.TEXTUAL)));

    @Test
    void singleTermNamesColumnAsTheItemsDatasetSpellsIt() {
        AttributeQuery query = parse("ITEMS.genres = \"Action\"");

        assertThat(query.terms()).containsExactly(new AttributeTerm("GENRES", "Action"));
        assertThat(query.expression()).isEqualTo("ITEMS.genres = \"Action\"");
    }

    @Test
    void termsJoinedByAndAreAllKept() {
        assertThat(parse("ITEMS.GENRES = \"Action\" AND ITEMS.RELEASE_YEAR = \"1995\"").terms()).containsExactly(
                new AttributeTerm("GENRES", "Action"), new AttributeTerm("RELEASE_YEAR", "1995"));
    }

    @Test
    void spacingAndKeywordCaseAreFree() {
        assertThat(parse("  items.GENRES=\"Comedy\"and ITEMS.GENRES   =  \"Action\" ").terms()).containsExactly(
                new AttributeTerm("GENRES", "Comedy"), new AttributeTerm("GENRES", "Action"));
    }

    @Test
    void backslashEscapesQuotesInValues() {
        assertThat(parse("ITEMS.GENRES = \"Rock \\\"n\\\" Roll \\\\ More\"").terms())
                .containsExactly(new AttributeTerm("GENRES", "Rock \"n\" Roll \\ More"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ITEMS.GENRES = \"Action\" OR ITEMS.GENRES = \"Drama\"|24|OR is not supported (Personalize accepts = and AND only); put each alternative on its own line",
            "ITEMS.GENRES IN (\"Action\", \"Drama\")|13|IN is not supported (Personalize accepts = and AND only); put each value on its own line",
            "NOT ITEMS.GENRES = \"Action\"|0|NOT is not supported (Personalize accepts = and AND only)",
            "ITEMS.GENRES != \"Action\"|13|!= is not supported (Personalize accepts = and AND only)",
            "ITEMS.GENRES <> \"Action\"|13|<> is not supported (Personalize accepts = and AND only)",
            "ITEMS.RELEASE_YEAR < \"2000\"|19|< is not supported (Personalize accepts = and AND only); ranges are not supported",
            "ITEMS.RELEASE_YEAR >= \"2000\"|19|>= is not supported (Personalize accepts = and AND only); ranges are not supported",
            "ITEMS.RELEASE_YEAR BETWEEN \"1\" AND \"2\"|19|BETWEEN is not supported (Personalize accepts = and AND only)",
            "ITEMS.GENRES == \"Action\"|13|use a single = to compare",
            "ITEMS.GENRES = Action|15|expected a value in double quotes, like \"Action\", found 'Action'",
            "ITEMS.GENRES = 'Action'|15|values are written in double quotes, not single quotes",
            "ITEMS.GENRES = \"Action|15|the value's closing quote is missing",
            "ITEMS.GENRES = \"\"|15|the value is empty",
            "ITEMS.GENRES = \"Action\" extra|24|unexpected 'extra' after a term; join terms with AND",
            "ITEMS.GENRES = \"Action\" AND|27|expected ITEMS.<column> = \"<value>\" after AND",
            "ITEMS.GENRES = \"Action\" AND AND ITEMS.GENRES = \"Drama\"|28|expected ITEMS.<column>, found 'AND'",
            "(ITEMS.GENRES = \"Action\")|0|parentheses are not supported (Personalize accepts = and AND only)",
            "GENRES = \"Action\"|0|expected ITEMS.<column>, found 'GENRES'",
            "USERS.AGE = \"30\"|0|only ITEMS columns can be used in itemAttributes, not USERS",
            "ITEMS. = \"x\"|6|expected a column name after ITEMS.",
            "ITEMS.GENRES|12|expected = after the column",
            "ITEMS.GENRES =|14|expected a value in double quotes, like \"Action\"",
            "ITEMS.COLOR = \"red\"|6|unknown column COLOR; the items columns that can be used are GENRES, RELEASE_YEAR",
            "ITEMS.title = \"Up\"|6|TITLE is a textual column and cannot be used in itemAttributes; use one of GENRES, RELEASE_YEAR",
            "ITEMS.ITEM_ID = \"105\"|6|ITEM_ID cannot be used in itemAttributes; use {\"itemId\": \"<id>\"} for one item",
            "'   '|3|the expression is empty; write ITEMS.<column> = \"<value>\""})
    void rejectedExpressionNamesThePositionAndTheFix(String expression, int position, String problem) {
        assertThatThrownBy(() -> parse(expression))
                .isInstanceOf(QueryException.class)
                .hasMessage("job_config.json, line 3, field itemAttributes: at position " + position + ": " + problem);
    }

    private static AttributeQuery parse(String expression) {
        return AttributeExpressionParser.parse(expression, COLUMNS, "job_config.json", 3);
    }
}
