package io.contextualtargeting.formats.data;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Validates the optional users CSV the way an import would (header, schema, field count, types,
 * one row per user). The engine does not train on user metadata: the
 * segmentation recipes rank users by their interactions, and personal data such as e-mail
 * addresses must not be used for training.
 */
final class UsersReader {
    private static final String EXAMPLE = "USER_ID,GENDER,AGE";

    private UsersReader() {
    }

    static void validate(DataSource source, Optional<DatasetSchema> schema) throws IOException {
        try (InputStream in = source.open()) {
            CsvReader reader = new CsvReader(source.name(), in);
            CsvRecord record = new CsvRecord(source.name());
            CsvHeader header = CsvHeader.read(reader, record, EXAMPLE);
            header.checkAgainst(schema);
            int id = header.require(InteractionsReader.USER_ID);
            SchemaField[] fields = new SchemaField[header.size()];
            for (int c = 0; c < header.size(); c++) {
                fields[c] = header.schemaField(schema, c).orElse(null);
            }
            Ids.Builder users = new Ids.Builder();
            while (reader.next(record)) {
                header.checkFieldCount(record);
                if (record.isEmpty(id)) {
                    throw record.error(InteractionsReader.USER_ID, "the id is empty");
                }
                int before = users.size();
                if (users.indexOf(record.bytes(), record.start(id), record.end(id), true) < before) {
                    throw record.error(InteractionsReader.USER_ID, "user '" + record.text(id)
                            + "' appears more than once in the users file; keep one row per user");
                }
                for (int c = 0; c < fields.length; c++) {
                    if (fields[c] != null) {
                        FieldChecker.check(record, c, fields[c]);
                    }
                }
            }
        }
    }
}
