package io.contextualtargeting.formats.data;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the items CSV into item indices and the attribute index. Column roles come from the items
 * schema when there is one (columns it does not name are not imported). Without a schema they are inferred from the values: a column with a
 * {@code |} in any value is categorical (multi-valued); a column whose values are all numbers is an
 * exact-value column; another string column is categorical when it has at most
 * {@value #MIN_DISTINCT_FOR_TEXT} distinct values or at most half as many distinct values as
 * non-empty ones (values repeat, like genres or brands), otherwise textual (titles, descriptions).
 */
final class ItemsReader {
    static final int MIN_DISTINCT_FOR_TEXT = 20;
    private static final String EXAMPLE = "ITEM_ID,TITLE,RELEASE_YEAR,CREATION_TIMESTAMP,GENRES";

    private ItemsReader() {
    }

    static ItemAttributes read(DataSource source, Optional<DatasetSchema> schema, Ids.Builder items) throws IOException {
        try (InputStream in = source.open()) {
            CsvReader reader = new CsvReader(source.name(), in);
            CsvRecord record = new CsvRecord(source.name());
            CsvHeader header = CsvHeader.read(reader, record, EXAMPLE);
            header.checkAgainst(schema);
            int id = header.require(ItemColumns.ITEM_ID);
            List<ColumnValues> columns = new ArrayList<>();
            for (int c = 0; c < header.size(); c++) {
                if (c != id && (schema.isEmpty() || header.schemaField(schema, c).isPresent())) {
                    columns.add(new ColumnValues(c, header.name(c), header.schemaField(schema, c)));
                }
            }
            while (reader.next(record)) {
                header.checkFieldCount(record);
                if (record.isEmpty(id)) {
                    throw record.error(ItemColumns.ITEM_ID, "the id is empty");
                }
                int before = items.size();
                int item = items.indexOf(record.bytes(), record.start(id), record.end(id), true);
                if (item < before) {
                    throw record.error(ItemColumns.ITEM_ID, "item '" + record.text(id)
                            + "' appears more than once in the items file; keep one row per item");
                }
                for (ColumnValues column : columns) {
                    column.add(record, item);
                }
            }
            List<ItemColumn> roles = new ArrayList<>();
            Map<String, Map<String, int[]>> index = new LinkedHashMap<>();
            for (ColumnValues column : columns) {
                ItemColumn role = column.role();
                roles.add(role);
                if (role.isQueryable()) {
                    index.put(role.name(), column.index(role.role()));
                }
            }
            return new ItemAttributes(new ItemColumns(roles), index);
        }
    }

    /** The values one metadata column takes, and what is needed to infer its role. */
    private static final class ColumnValues {
        private final int column;
        private final String name;
        private final Optional<SchemaField> field;
        private final Map<String, IntList> itemsByValue = new HashMap<>();
        private boolean hasSeparator;
        private boolean allNumeric = true;
        private int nonEmpty;

        ColumnValues(int column, String name, Optional<SchemaField> field) {
            this.column = column;
            this.name = name;
            this.field = field;
        }

        void add(CsvRecord record, int item) {
            field.ifPresent(f -> FieldChecker.check(record, column, f));
            if (record.isEmpty(column) || field.map(SchemaField::textual).orElse(false)) {
                return;
            }
            nonEmpty++;
            hasSeparator |= record.contains(column, (byte) '|');
            allNumeric &= !Float.isNaN(Numbers.parseFloat(record.bytes(), record.start(column), record.end(column)));
            itemsByValue.computeIfAbsent(record.text(column), v -> new IntList(4)).add(item);
        }

        ItemColumn role() {
            if (field.isPresent()) {
                SchemaField f = field.get();
                return new ItemColumn(name, f.textual() ? ColumnRole.TEXTUAL
                        : f.categorical() ? ColumnRole.CATEGORICAL : ColumnRole.VALUE);
            }
            if (hasSeparator) {
                return new ItemColumn(name, ColumnRole.CATEGORICAL);
            }
            if (allNumeric && nonEmpty > 0) {
                return new ItemColumn(name, ColumnRole.VALUE);
            }
            int distinct = itemsByValue.size();
            boolean repeats = distinct <= MIN_DISTINCT_FOR_TEXT || distinct * 2 <= nonEmpty;
            return new ItemColumn(name, repeats ? ColumnRole.CATEGORICAL : ColumnRole.TEXTUAL);
        }

        Map<String, int[]> index(ColumnRole role) {
            Map<String, IntList> byLabel = itemsByValue;
            if (role == ColumnRole.CATEGORICAL) {
                byLabel = new HashMap<>();
                for (Map.Entry<String, IntList> entry : itemsByValue.entrySet()) {
                    for (String label : entry.getKey().split("\\|")) {
                        if (!label.isEmpty()) {
                            IntList target = byLabel.computeIfAbsent(label, v -> new IntList(4));
                            int[] values = entry.getValue().toArray();
                            for (int value : values) {
                                target.add(value);
                            }
                        }
                    }
                }
            }
            Map<String, int[]> index = new HashMap<>();
            byLabel.forEach((value, list) -> index.put(value, sortedUnique(list.toArray())));
            return index;
        }

        private static int[] sortedUnique(int[] values) {
            Arrays.sort(values);
            int n = 0;
            for (int i = 0; i < values.length; i++) {
                if (i == 0 || values[i] != values[i - 1]) {
                    values[n++] = values[i];
                }
            }
            return Arrays.copyOf(values, n);
        }
    }
}
