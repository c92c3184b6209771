package io.contextualtargeting.formats.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.contextualtargeting.formats.Json;
import io.contextualtargeting.formats.data.DataSource;
import io.contextualtargeting.formats.data.ItemColumns;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Reads and validates a batch segment job input file (JSON lines, one {@code {"itemId": ...}} or
 * {@code {"itemAttributes": ...}} object per line). Everything Personalize would reject when the
 * job starts is rejected here, so the workflow can check a job input before any training. Blank
 * lines are allowed and hold no query.
 */
public final class QueryFileReader {

    private QueryFileReader() {
    }

    /**
     * @param columns the items columns attribute queries may use
     * @param limits  how many queries of each kind the file may hold
     */
    public static List<QueryLine> read(DataSource source, ItemColumns columns, QueryLimits limits) {
        List<QueryLine> queries = new ArrayList<>();
        ObjectReader json = Json.strictReader();
        int itemQueries = 0;
        int attributeQueries = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(source.open(), StandardCharsets.UTF_8))) {
            String text;
            long line = 0;
            while ((text = reader.readLine()) != null) {
                line++;
                if (line == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                if (text.isBlank()) {
                    continue;
                }
                SegmentQuery query = parseLine(json, text, columns, source.name(), line);
                if (query instanceof ItemQuery && ++itemQueries > limits.maxItemQueries()) {
                    throw new QueryException(source.name(), line, ItemQuery.KEY, "more than " + limits.maxItemQueries()
                            + " itemId queries in one file (Personalize's limit); split the file into several jobs");
                }
                if (query instanceof AttributeQuery && ++attributeQueries > limits.maxAttributeQueries()) {
                    throw new QueryException(source.name(), line, AttributeQuery.KEY, "more than "
                            + limits.maxAttributeQueries() + " itemAttributes queries in one file (Personalize's limit);"
                            + " split the file into several jobs");
                }
                queries.add(new QueryLine(line, query));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (queries.isEmpty()) {
            throw new QueryException(source.name(), 0, null, "the file holds no query; write one JSON object per line,"
                    + " like {\"itemId\": \"105\"} or {\"itemAttributes\": \"ITEMS.GENRES = \\\"Action\\\"\"}");
        }
        return queries;
    }

    private static SegmentQuery parseLine(ObjectReader json, String text, ItemColumns columns, String source, long line) {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new QueryException(source, line, null, "not a JSON object: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new QueryException(source, line, null, "expected a JSON object like {\"itemId\": \"105\"}");
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!name.equals(ItemQuery.KEY) && !name.equals(AttributeQuery.KEY)) {
                throw new QueryException(source, line, name, "unknown key; a line holds either itemId or itemAttributes");
            }
        }
        JsonNode itemId = node.get(ItemQuery.KEY);
        JsonNode attributes = node.get(AttributeQuery.KEY);
        if (itemId != null && attributes != null) {
            throw new QueryException(source, line, null, "a line holds either itemId or itemAttributes, not both");
        }
        if (itemId == null && attributes == null) {
            throw new QueryException(source, line, null, "expected itemId or itemAttributes");
        }
        if (itemId != null) {
            String id = text(itemId, ItemQuery.KEY, "{\"itemId\": \"105\"}", source, line);
            return new ItemQuery(id);
        }
        String expression = text(attributes, AttributeQuery.KEY, "{\"itemAttributes\": \"ITEMS.GENRES = \\\"Action\\\"\"}",
                source, line);
        return AttributeExpressionParser.parse(expression, columns, source, line);
    }

    private static String text(JsonNode value, String key, String example, String source, long line) {
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw new QueryException(source, line, key, "expected a non-empty string, like " + example);
        }
        return value.asText();
    }
}
