package io.contextualtargeting.formats.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The metadata columns of the items dataset, looked up case-insensitively. Known from the items
 * schema before any data is read, so queries can be validated when a config is uploaded; without
 * a schema they are inferred from the items file (see {@link ItemsReader}).
 */
public final class ItemColumns {
    /** The id column of the items dataset. */
    public static final String ITEM_ID = "ITEM_ID";

    private final Map<String, ItemColumn> byUpperName = new LinkedHashMap<>();

    public ItemColumns(List<ItemColumn> columns) {
        for (ItemColumn column : columns) {
            byUpperName.put(column.name().toUpperCase(Locale.ROOT), column);
        }
    }

    /** The metadata columns an items schema declares: textual and categorical as flagged, the rest exact values. */
    public static ItemColumns fromSchema(DatasetSchema schema) {
        List<ItemColumn> columns = new ArrayList<>();
        for (SchemaField field : schema.fields()) {
            if (field.name().equalsIgnoreCase(ITEM_ID)) {
                continue;
            }
            ColumnRole role = field.textual() ? ColumnRole.TEXTUAL
                    : field.categorical() ? ColumnRole.CATEGORICAL : ColumnRole.VALUE;
            columns.add(new ItemColumn(field.name(), role));
        }
        return new ItemColumns(columns);
    }

    public Optional<ItemColumn> find(String name) {
        return Optional.ofNullable(byUpperName.get(name.toUpperCase(Locale.ROOT)));
    }

    public List<ItemColumn> all() {
        return List.copyOf(byUpperName.values());
    }

    /** Names of the columns an attribute query may use, for error messages. */
    public List<String> queryableNames() {
        return byUpperName.values().stream().filter(ItemColumn::isQueryable).map(ItemColumn::name).toList();
    }
}
