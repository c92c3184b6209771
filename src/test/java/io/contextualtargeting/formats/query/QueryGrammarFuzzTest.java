package io.contextualtargeting.formats.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contextualtargeting.formats.InputErrors;
import io.contextualtargeting.formats.InputException;
import io.contextualtargeting.formats.data.ColumnRole;
import io.contextualtargeting.formats.data.DataSource;
import io.contextualtargeting.formats.data.ItemColumn;
import io.contextualtargeting.formats.data.ItemColumns;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the query grammar: any job input file and any attribute expression give queries or an
 * {@link InputException} naming the file and line, never another exception; expressions built
 * from any terms parse back to those terms, directly and through a job input line.
 */
class QueryGrammarFuzzTest {
    private static final String SOURCE = "job_config.json";
    private static final List<ItemColumn> COLUMN_LIST = List.of(new ItemColumn("GENRES", ColumnRole.CATEGORICAL),
            new ItemColumn("year", ColumnRole.VALUE), new ItemColumn("TITLE", ColumnRole.TEXTUAL));
    private static final ItemColumns COLUMNS = new ItemColumns(COLUMN_LIST);
    private static final ObjectMapper JSON = new ObjectMapper();

    @FuzzTest(maxDuration = "10s")
    @Timeout(value = 2, unit = TimeUnit.MINUTES) // per input (libFuzzer's -timeout) and for the whole run: a hang fails
    @DictionaryEntries({"{\"itemId\": \"", "{\"itemAttributes\": \"", "ITEMS.", "GENRES", "year", "TITLE", " = ",
            "\\\"", " AND ", " OR ", " IN ", "\"}"})
    void anyQueryTextGivesQueriesOrAnErrorWithItsLine(FuzzedDataProvider data) throws JsonProcessingException {
        List<AttributeTerm> terms = new ArrayList<>();
        int count = data.consumeInt(1, 3);
        for (int t = 0; t < count; t++) {
            terms.add(new AttributeTerm(COLUMN_LIST.get(data.consumeInt(0, 1)).name(), data.consumeString(10)));
        }
        String expression = data.consumeString(80);
        byte[] file = data.consumeRemainingAsBytes();

        termsParseBack(terms);
        parsesOrRejects(expression);
        fileReadsOrRejects(file);
    }

    private static void termsParseBack(List<AttributeTerm> terms) throws JsonProcessingException {
        if (terms.stream().anyMatch(t -> t.value().isEmpty())) {
            return; // an empty value is rejected by design
        }
        StringBuilder expression = new StringBuilder();
        for (AttributeTerm term : terms) {
            expression.append(expression.length() == 0 ? "" : " AND ").append("ITEMS.").append(term.column())
                    .append(" = \"").append(term.value().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        assertThat(AttributeExpressionParser.parse(expression.toString(), COLUMNS, SOURCE, 1).terms())
                .containsExactlyElementsOf(terms);
        String line = JSON.writeValueAsString(Map.of(AttributeQuery.KEY, expression.toString()));
        List<QueryLine> read = QueryFileReader.read(DataSource.ofText(SOURCE, line + "\n"), COLUMNS, QueryLimits.PERSONALIZE);
        assertThat(read).hasSize(1);
        assertThat(((AttributeQuery) read.get(0).query()).terms()).containsExactlyElementsOf(terms);
    }

    private static void parsesOrRejects(String expression) {
        try {
            AttributeQuery query = AttributeExpressionParser.parse(expression, COLUMNS, SOURCE, 7);
            assertThat(query.terms()).isNotEmpty().allSatisfy(term -> assertThat(COLUMNS.find(term.column())).isPresent());
        } catch (InputException e) {
            assertThat(e.source()).isEqualTo(SOURCE);
            assertThat(e.line()).isEqualTo(7);
        }
    }

    private static void fileReadsOrRejects(byte[] file) {
        try {
            List<QueryLine> queries = QueryFileReader.read(new DataSource(SOURCE, () -> new ByteArrayInputStream(file)),
                    COLUMNS, QueryLimits.PERSONALIZE);
            long previous = 0;
            for (QueryLine query : queries) {
                assertThat(query.line()).isGreaterThan(previous);
                previous = query.line();
            }
        } catch (InputException e) {
            InputErrors.assertLocated(e, SOURCE, file);
        }
    }
}
