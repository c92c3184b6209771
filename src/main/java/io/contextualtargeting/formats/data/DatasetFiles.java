package io.contextualtargeting.formats.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Checks one dataset file on its own, as an import job does: only its header (cheap, when a config
 * is uploaded) or every row (when the dataset is imported). Problems are {@link DataFileException}s
 * naming the file, line and column.
 */
public final class DatasetFiles {
    private DatasetFiles() {
    }

    /**
     * @param required columns the dataset type needs whatever the schema says (e.g. USER_ID, ITEM_ID, TIMESTAMP)
     */
    public static void checkHeader(DataSource file, Optional<DatasetSchema> schema, List<String> required) {
        try (CsvReader reader = new CsvReader(file.name(), file.open())) {
            CsvHeader header = CsvHeader.read(reader, new CsvRecord(file.name()), String.join(",", required));
            required.forEach(header::require);
            header.checkAgainst(schema);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.name(), e);
        }
    }

    /**
     * Every row, TIMESTAMPs included: from 1990 to one day after the clock's now, in seconds.
     *
     * @return how many interactions the file holds
     */
    public static int checkInteractions(DataSource file, Optional<DatasetSchema> schema, Clock clock) {
        InteractionsReader reader = new InteractionsReader(new Ids.Builder(), new Ids.Builder(), new TimestampRange(clock));
        run(() -> reader.read(file, schema));
        return reader.size();
    }

    /**
     * The first {@code rows} rows, TIMESTAMPs included: what a check on upload can afford to read of a
     * large file. A file in milliseconds or from the wrong clock shows on its first rows.
     */
    public static void checkFirstInteractions(DataSource file, Optional<DatasetSchema> schema, Clock clock, int rows) {
        run(() -> new InteractionsReader(new Ids.Builder(), new Ids.Builder(), new TimestampRange(clock)).read(file, schema, rows));
    }

    public static void checkItems(DataSource file, Optional<DatasetSchema> schema) {
        run(() -> ItemsReader.read(file, schema, new Ids.Builder()));
    }

    public static void checkUsers(DataSource file, Optional<DatasetSchema> schema) {
        run(() -> UsersReader.validate(file, schema));
    }

    private interface Check {
        void run() throws IOException;
    }

    private static void run(Check check) {
        try {
            check.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
