package io.contextualtargeting.engine.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * Checks only the header of a dataset file against its schema, without reading the rows: what the
 * training workflow can afford when a config is uploaded, long before the import reads every row.
 */
public final class HeaderCheck {
    private HeaderCheck() {
    }

    /**
     * @param required columns the dataset type needs whatever the schema says (e.g. USER_ID, ITEM_ID, TIMESTAMP)
     * @throws DataFileException naming the file, line 1 and the missing column
     */
    public static void check(DataSource file, Optional<DatasetSchema> schema, List<String> required) {
        try (CsvReader reader = new CsvReader(file.name(), file.open())) {
            CsvHeader header = CsvHeader.read(reader, new CsvRecord(file.name()), String.join(",", required));
            required.forEach(header::require);
            header.checkAgainst(schema);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.name(), e);
        }
    }
}
