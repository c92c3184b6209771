package io.contextualtargeting.engine.generate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contextualtargeting.formats.InputException;
import io.contextualtargeting.formats.data.ColumnProfile;
import io.contextualtargeting.formats.data.ColumnRole;
import io.contextualtargeting.formats.data.DataSource;
import io.contextualtargeting.formats.data.DatasetFiles;
import io.contextualtargeting.formats.data.DatasetSchema;
import io.contextualtargeting.formats.data.DatasetSchemas;
import io.contextualtargeting.formats.data.ItemAttributes;
import io.contextualtargeting.formats.data.ItemColumn;
import io.contextualtargeting.formats.data.SchemaReader;
import io.contextualtargeting.formats.data.TrainingData;
import io.contextualtargeting.formats.data.TrainingDataReader;
import io.contextualtargeting.formats.query.QueryFileReader;
import io.contextualtargeting.formats.query.QueryLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * {@code init}: turns one's own CSV files into a complete data folder in the {@link DatasetLayout}
 * ({@code run --data DIR}, {@code aws s3 sync DIR/personalize ...}). The Avro schemas are inferred
 * from the headers and the values, the files are then read with the inferred schemas by the same
 * readers as training (so a bad value stops here, naming its file, line and field), and the batch
 * segment job inputs ask for the most interacted items and the attribute values of the most
 * interacted items. Everything is written into a temporary sibling folder renamed at the end: a
 * failure never leaves a half-written folder.
 */
public final class DataFolderInit {
    static final String USER_ID = "USER_ID";
    static final String ITEM_ID = "ITEM_ID";
    static final String TIMESTAMP = "TIMESTAMP";
    static final String EVENT_TYPE = "EVENT_TYPE";
    static final String EVENT_VALUE = "EVENT_VALUE";
    /** Column names that hold personal data whatever their values look like. */
    private static final List<String> PERSONAL_NAMES = List.of("MAIL", "PHONE", "MOBILE", "ADDRESS", "FIRST_NAME",
            "LAST_NAME", "FULL_NAME", "SURNAME", "BIRTH", "PASSWORD", "IP_ADDR");

    /**
     * @param top        attribute values per categorical items column, and items, to query
     * @param numResults users per segment; null: 5 % of the users, at least 10
     * @param clock      "now", for the TIMESTAMP check
     */
    public record Request(Path interactions, Optional<Path> items, Optional<Path> users, Optional<Path> endpoints,
                          Path out, String name, int top, Integer numResults, boolean force, Clock clock) {
    }

    /** What was written: the layout (under the final folder), the schemas' fields, the queries, and notes. */
    public record Summary(DatasetLayout layout, List<Path> files, List<String> schemas, BatchQueries queries,
                          int users, int items, int interactions, int numResults, List<String> notes) {
    }

    public Summary write(Request request) throws IOException {
        requireWritable(request.out(), request.force());
        List<String> notes = new ArrayList<>();
        DataSource interactions = source(request.interactions());
        DatasetFiles.checkHeader(interactions, Optional.empty(), List.of(USER_ID, ITEM_ID, TIMESTAMP));
        ObjectNode interactionsSchema = SchemaInference.interactions(ColumnProfile.of(interactions), notes);
        Optional<ObjectNode> itemsSchema = request.items().map(DataFolderInit::source).flatMap(items -> {
            DatasetFiles.checkHeader(items, Optional.empty(), List.of(ITEM_ID));
            return SchemaInference.items(ColumnProfile.of(items), items.name(), notes);
        });
        Optional<ObjectNode> usersSchema = request.users().map(DataFolderInit::source).flatMap(users -> {
            DatasetFiles.checkHeader(users, Optional.empty(), List.of(USER_ID));
            return SchemaInference.users(ColumnProfile.of(users), users.name(), notes);
        });

        DatasetSchemas schemas = new DatasetSchemas(Optional.of(schema(interactionsSchema)),
                itemsSchema.map(DataFolderInit::schema), usersSchema.map(DataFolderInit::schema));
        TrainingData data = TrainingDataReader.read(interactions,
                itemsSchema.flatMap(s -> request.items().map(DataFolderInit::source)),
                usersSchema.flatMap(s -> request.users().map(DataFolderInit::source)), schemas, request.clock());
        BatchQueries queries = plan(data, request.top(), notes);
        int numResults = request.numResults() == null
                ? GeneratorSettings.defaultNumResults(data.userCount()) : request.numResults();

        Path target = request.out().toAbsolutePath().normalize();
        Path temporary = target.resolveSibling("." + target.getFileName() + ".init-" + ProcessHandle.current().pid());
        try {
            deleteTree(temporary);
            DatasetLayout staged = new DatasetLayout(temporary, request.name());
            Files.createDirectories(staged.trainingDirectory());
            Files.createDirectories(staged.endpoints().getParent());
            Files.copy(request.interactions(), staged.interactions());
            if (itemsSchema.isPresent()) {
                Files.copy(request.items().orElseThrow(), staged.items());
            }
            if (usersSchema.isPresent()) {
                Files.copy(request.users().orElseThrow(), staged.users());
            }
            if (request.endpoints().isPresent()) {
                Files.copy(request.endpoints().get(), staged.endpoints());
            }
            DatasetWriter.writeJson(staged.trainingConfig(), TrainingConfig.build(staged, numResults, interactionsSchema,
                    itemsSchema.orElse(null), usersSchema.orElse(null), !queries.attributeExpressions().isEmpty()));
            DatasetWriter.writeQueries(staged, queries);
            check(staged, data.attributes(), queries);
            List<Path> files;
            try (Stream<Path> all = Files.walk(temporary)) {
                files = all.filter(Files::isRegularFile).map(temporary::relativize).sorted().toList();
            }
            replace(target, temporary);
            List<String> fields = new ArrayList<>();
            fields.add(describe("interactions", interactionsSchema));
            itemsSchema.ifPresent(s -> fields.add(describe("items", s)));
            usersSchema.ifPresent(s -> fields.add(describe("users", s)));
            return new Summary(new DatasetLayout(request.out(), request.name()), files, fields, queries,
                    data.userCount(), data.itemCount(), data.interactionCount(), numResults, notes);
        } finally {
            deleteTree(temporary);
        }
    }

    /** The queries written read back as a job would: Personalize's grammar and limits. */
    private static void check(DatasetLayout layout, ItemAttributes attributes, BatchQueries queries) {
        if (!queries.attributeExpressions().isEmpty()) {
            QueryFileReader.read(DataSource.ofFile(layout.batchInput(layout.attributeAffinitySolution())),
                    attributes.columns(), QueryLimits.PERSONALIZE);
        }
        QueryFileReader.read(DataSource.ofFile(layout.batchInput(layout.itemAffinitySolution())), attributes.columns(),
                QueryLimits.PERSONALIZE);
    }

    /**
     * The {@code top} most interacted items, and per categorical items column the {@code top} labels
     * with the most interactions, taken column by column in turn up to Personalize's 10 lines.
     */
    static BatchQueries plan(TrainingData data, int top, List<String> notes) {
        long[] perItem = new long[data.itemCount()];
        for (int i = 0; i < data.interactionCount(); i++) {
            perItem[data.item(i)]++;
        }
        List<String> items = IntStream.range(0, perItem.length).boxed()
                .sorted(Comparator.<Integer>comparingLong(i -> -perItem[i]).thenComparing(i -> data.items().id(i)))
                .limit(Math.min(top, BatchQueries.MAX_ITEM_LINES)).map(i -> data.items().id(i)).toList();
        List<List<String>> perColumn = new ArrayList<>();
        for (ItemColumn column : data.attributes().columns().all()) {
            if (column.role() == ColumnRole.CATEGORICAL) {
                perColumn.add(topValues(data.attributes(), column.name(), perItem, top));
            }
        }
        List<String> expressions = new ArrayList<>();
        int total = perColumn.stream().mapToInt(List::size).sum();
        for (int rank = 0; rank < top && expressions.size() < BatchQueries.MAX_ATTRIBUTE_LINES; rank++) {
            for (List<String> column : perColumn) {
                if (rank < column.size() && expressions.size() < BatchQueries.MAX_ATTRIBUTE_LINES) {
                    expressions.add(column.get(rank));
                }
            }
        }
        if (expressions.size() < total) {
            notes.add("attribute queries: " + expressions.size() + " of " + total + " written (Personalize allows "
                    + BatchQueries.MAX_ATTRIBUTE_LINES + " per batch segment job); lower --top to choose fewer per column");
        }
        return new BatchQueries(expressions, items);
    }

    private static List<String> topValues(ItemAttributes attributes, String column, long[] perItem, int top) {
        record Count(String value, long interactions) {
        }
        List<Count> counts = new ArrayList<>();
        for (String value : attributes.values(column)) {
            long sum = 0;
            for (int item : attributes.itemsWith(column, value)) {
                sum += perItem[item];
            }
            if (sum > 0) {
                counts.add(new Count(value, sum));
            }
        }
        return counts.stream()
                .sorted(Comparator.comparingLong((Count c) -> -c.interactions()).thenComparing(Count::value))
                .limit(top)
                .map(c -> "ITEMS." + column + " = \"" + c.value().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .toList();
    }

    private static String describe(String dataset, ObjectNode schema) {
        List<String> fields = new ArrayList<>();
        schema.get("fields").forEach(f -> {
            String type = f.get("type").isArray() ? f.get("type").get(1).asText() + "?" : f.get("type").asText();
            String flag = f.path("categorical").asBoolean() ? " categorical" : f.path("textual").asBoolean() ? " textual" : "";
            fields.add(f.get("name").asText() + " " + type + flag);
        });
        return dataset + ": " + String.join(", ", fields);
    }

    private static DataSource source(Path path) {
        return new DataSource(path.toString(), () -> Files.newInputStream(path));
    }

    private static DatasetSchema schema(ObjectNode avro) {
        return SchemaReader.fromAvro(DataSource.ofText("inferred " + avro.get("name").asText() + " schema", avro.toString()));
    }

    private static void requireWritable(Path out, boolean force) throws IOException {
        if (!force && Files.isDirectory(out)) {
            try (Stream<Path> entries = Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    throw new InputException(out.toString(), 0, null,
                            "is not empty; choose another --out folder, or pass --force to replace it");
                }
            }
        }
    }

    /** Moves the staged folder to {@code out}, replacing what was there only once the new one is complete. */
    private static void replace(Path out, Path staged) throws IOException {
        Path previous = staged.resolveSibling(staged.getFileName() + "-previous");
        if (Files.exists(out)) {
            Files.move(out, previous);
        }
        Files.move(staged, out, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(previous);
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }

    static boolean personalName(String column) {
        String upper = column.toUpperCase(Locale.ROOT);
        return PERSONAL_NAMES.stream().anyMatch(upper::contains);
    }
}
