package io.contextualtargeting.engine.generate;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contextualtargeting.formats.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes the JSON files of a data folder: the training config and the batch segment job inputs. */
final class DatasetWriter {
    static final String ITEM_ATTRIBUTES = "itemAttributes";
    static final String ITEM_ID = "itemId";
    private static final ObjectMapper JSON = Json.mapper();

    private DatasetWriter() {
    }

    static void writeJson(Path file, ObjectNode node) throws IOException {
        // Explicit "\n" so the file is the same on every platform.
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(indenter);
        printer.indentArraysWith(indenter);
        Files.createDirectories(file.getParent());
        Files.writeString(file, JSON.writer(printer).writeValueAsString(node) + "\n", StandardCharsets.UTF_8);
    }

    /** The job input of each solution that has queries: attribute expressions, then item ids. */
    static void writeQueries(DatasetLayout layout, BatchQueries queries) throws IOException {
        if (!queries.attributeExpressions().isEmpty()) {
            writeQueries(layout.batchInput(layout.attributeAffinitySolution()), ITEM_ATTRIBUTES,
                    queries.attributeExpressions());
        }
        writeQueries(layout.batchInput(layout.itemAffinitySolution()), ITEM_ID, queries.itemIds());
    }

    private static void writeQueries(Path file, String field, List<String> values) throws IOException {
        Files.createDirectories(file.getParent());
        StringBuilder lines = new StringBuilder();
        for (String value : values) {
            lines.append(JSON.writeValueAsString(JSON.createObjectNode().put(field, value))).append('\n');
        }
        Files.writeString(file, lines, StandardCharsets.UTF_8);
    }
}
