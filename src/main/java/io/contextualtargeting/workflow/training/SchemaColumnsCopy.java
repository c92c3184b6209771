package io.contextualtargeting.workflow.training;

import io.contextualtargeting.formats.data.CsvReader;
import io.contextualtargeting.formats.data.CsvRecord;
import io.contextualtargeting.formats.data.DataFileException;
import io.contextualtargeting.formats.data.DataSource;
import io.contextualtargeting.formats.data.DatasetSchema;
import io.contextualtargeting.formats.data.SchemaReader;
import io.contextualtargeting.ports.ObjectRef;
import io.contextualtargeting.ports.ObjectStore;
import io.contextualtargeting.workflow.CsvCells;
import io.contextualtargeting.workflow.training.TrainingPlan.DatasetPlan;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The file Personalize imports for a dataset: the upload itself when each of its columns is a field
 * of the dataset's schema, else a copy under {@value #PREFIX} holding only those columns (users.csv
 * keeps its E_MAIL for the Pinpoint endpoints, Personalize never sees it). The copy is streamed row
 * by row, quoted where a value needs it, and written once per import job (its key carries the job's
 * name), so the state machine's polls of the step do not rewrite it while Personalize reads it.
 */
final class SchemaColumnsCopy {
    /** Where the copies go, in the Personalize bucket: readable by Personalize's role, never a training trigger. */
    static final String PREFIX = "import/";

    private final ObjectStore store;

    SchemaColumnsCopy(ObjectStore store) {
        this.store = store;
    }

    /** The object the dataset's import job should read. */
    ObjectRef forImport(DatasetPlan dataset) {
        ObjectRef upload = ObjectRef.parse(dataset.data());
        ObjectRef copy = copyOf(upload, dataset.importJobName());
        if (store.exists(copy)) {
            return copy;
        }
        DatasetSchema schema = SchemaReader.fromAvro(DataSource.ofText(dataset.schemaName(), dataset.schema()));
        try (CsvReader reader = new CsvReader(upload.url(), store.read(upload))) {
            CsvRecord header = new CsvRecord(upload.url());
            if (!reader.next(header)) {
                return upload;
            }
            List<Integer> kept = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < header.fieldCount(); i++) {
                names.add(header.text(i));
                if (inSchema(schema, header.text(i))) {
                    kept.add(i);
                }
            }
            if (kept.size() == header.fieldCount()) {
                return upload;
            }
            reader.nameColumns(names);
            store.write(copy, out -> {
                Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
                writeRow(writer, header, kept, header.fieldCount());
                CsvRecord row = new CsvRecord(upload.url());
                while (reader.next(row)) {
                    writeRow(writer, row, kept, header.fieldCount());
                }
                writer.flush();
            });
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + upload + " to " + copy, e);
        }
    }

    /** {@code import/<import job name>/<file name>}. */
    static ObjectRef copyOf(ObjectRef upload, String importJobName) {
        String key = upload.key();
        return new ObjectRef(upload.bucket(), PREFIX + importJobName + "/" + key.substring(key.lastIndexOf('/') + 1));
    }

    /** Personalize matches columns to fields by name; a column differing only in case is the same field. */
    private static boolean inSchema(DatasetSchema schema, String column) {
        return schema.fields().stream().anyMatch(f -> f.name().toUpperCase(Locale.ROOT).equals(column.toUpperCase(Locale.ROOT)));
    }

    private static void writeRow(Writer writer, CsvRecord row, List<Integer> kept, int columns) throws IOException {
        if (row.fieldCount() != columns) {
            throw new DataFileException(row.source(), row.line(), null, "has " + row.fieldCount() + " fields, the header "
                    + columns + "; every row needs one value per column (quote values that hold commas)");
        }
        for (int k = 0; k < kept.size(); k++) {
            if (k > 0) {
                writer.write(',');
            }
            writer.write(CsvCells.escape(row.text(kept.get(k))));
        }
        writer.write('\n');
    }
}
