package io.contextualtargeting.formats.data;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Streams an interactions CSV into columnar arrays: ids become indices as they are read, numbers
 * are parsed from the bytes, so no row is ever held as Strings. Columns other than the five known
 * ones (contextual metadata) are allowed and only type-checked against the schema.
 */
final class InteractionsReader {
    static final String USER_ID = "USER_ID";
    static final String ITEM_ID = "ITEM_ID";
    static final String TIMESTAMP = "TIMESTAMP";
    static final String EVENT_TYPE = "EVENT_TYPE";
    static final String EVENT_VALUE = "EVENT_VALUE";
    private static final String EXAMPLE = "USER_ID,ITEM_ID,EVENT_VALUE,EVENT_TYPE,TIMESTAMP";

    private final Ids.Builder users;
    private final Ids.Builder items;
    private final TimestampRange timestampRange;
    private final Ids.Builder eventTypes = new Ids.Builder();
    private int size;
    private int[] userOf = new int[1024];
    private int[] itemOf = new int[1024];
    private long[] timestamps = new long[1024];
    private float[] eventValues;
    private int[] eventTypeOf;

    InteractionsReader(Ids.Builder users, Ids.Builder items, TimestampRange timestampRange) {
        this.users = users;
        this.items = items;
        this.timestampRange = timestampRange;
    }

    /** How many interactions were read. */
    int size() {
        return size;
    }

    void read(DataSource source, Optional<DatasetSchema> schema) throws IOException {
        read(source, schema, Integer.MAX_VALUE);
    }

    /** Reads the first {@code maxRows} interactions only: a cheap check of a file's start. */
    void read(DataSource source, Optional<DatasetSchema> schema, int maxRows) throws IOException {
        try (InputStream in = source.open()) {
            CsvReader reader = new CsvReader(source.name(), in);
            CsvRecord record = new CsvRecord(source.name());
            CsvHeader header = CsvHeader.read(reader, record, EXAMPLE);
            header.checkAgainst(schema);
            int user = header.require(USER_ID);
            int item = header.require(ITEM_ID);
            int timestamp = header.require(TIMESTAMP);
            int eventType = header.indexOf(EVENT_TYPE);
            int eventValue = header.indexOf(EVENT_VALUE);
            if (eventValue >= 0) {
                eventValues = new float[userOf.length];
            }
            if (eventType >= 0) {
                eventTypeOf = new int[userOf.length];
            }
            SchemaField[] otherFields = new SchemaField[header.size()];
            for (int c = 0; c < header.size(); c++) {
                if (c != user && c != item && c != timestamp && c != eventType && c != eventValue) {
                    otherFields[c] = header.schemaField(schema, c).orElse(null);
                }
            }
            while (size < maxRows && reader.next(record)) {
                header.checkFieldCount(record);
                ensureCapacity();
                userOf[size] = id(record, user, USER_ID, users);
                itemOf[size] = id(record, item, ITEM_ID, items);
                timestamps[size] = record.longValue(timestamp, TIMESTAMP, "a whole number of seconds since 1970");
                timestampRange.check(record, TIMESTAMP, timestamps[size]);
                if (eventValue >= 0) {
                    eventValues[size] = record.isEmpty(eventValue) ? Float.NaN : record.floatValue(eventValue, EVENT_VALUE);
                }
                if (eventType >= 0) {
                    eventTypeOf[size] = eventTypes.indexOf(record.bytes(), record.start(eventType), record.end(eventType), true);
                }
                for (int c = 0; c < otherFields.length; c++) {
                    if (otherFields[c] != null) {
                        FieldChecker.check(record, c, otherFields[c]);
                    }
                }
                size++;
            }
        }
        if (size == 0) {
            throw new DataFileException(source.name(), 0, null, "the file has a header but no interactions");
        }
    }

    private static int id(CsvRecord record, int column, String name, Ids.Builder ids) {
        if (record.isEmpty(column)) {
            throw record.error(name, "the id is empty");
        }
        return ids.indexOf(record.bytes(), record.start(column), record.end(column), true);
    }

    private void ensureCapacity() {
        if (size < userOf.length) {
            return;
        }
        int grown = IntList.grow(size);
        userOf = Arrays.copyOf(userOf, grown);
        itemOf = Arrays.copyOf(itemOf, grown);
        timestamps = Arrays.copyOf(timestamps, grown);
        if (eventValues != null) {
            eventValues = Arrays.copyOf(eventValues, grown);
        }
        if (eventTypeOf != null) {
            eventTypeOf = Arrays.copyOf(eventTypeOf, grown);
        }
    }

    TrainingData toTrainingData(int catalogItemCount, ItemAttributes attributes) {
        Ids types = eventTypes.build();
        List<String> typeNames = new ArrayList<>(types.size());
        for (int i = 0; i < types.size(); i++) {
            typeNames.add(types.id(i));
        }
        return new TrainingData(users.build(), items.build(), catalogItemCount, Arrays.copyOf(userOf, size),
                Arrays.copyOf(itemOf, size), Arrays.copyOf(timestamps, size),
                eventValues == null ? null : Arrays.copyOf(eventValues, size),
                eventTypeOf == null ? null : Arrays.copyOf(eventTypeOf, size), typeNames, attributes);
    }
}
