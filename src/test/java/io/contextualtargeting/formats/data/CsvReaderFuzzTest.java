package io.contextualtargeting.formats.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.contextualtargeting.formats.InputErrors;
import io.contextualtargeting.formats.InputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the CSV reader and the data readers over it: any bytes give records, training data or an
 * {@link InputException} naming the file and a line in it, never another exception; fields written
 * with RFC 4180 quoting read back unchanged.
 */
class CsvReaderFuzzTest {

    @FuzzTest(maxDuration = "10s")
    @Timeout(value = 2, unit = TimeUnit.MINUTES) // per input (libFuzzer's -timeout) and for the whole run: a hang fails
    @DictionaryEntries({"USER_ID", "ITEM_ID", "TIMESTAMP", "EVENT_TYPE", "EVENT_VALUE", "GENRES", ",\"", "\"\"", "|"})
    void anyBytesGiveRecordsOrAnErrorWithTheirLine(FuzzedDataProvider data) throws IOException {
        List<String> fields = new ArrayList<>();
        int count = data.consumeInt(1, 6);
        for (int f = 0; f < count; f++) {
            fields.add(data.consumeString(12));
        }
        byte[] raw = data.consumeRemainingAsBytes();

        readsBackUnchanged(fields);
        readsOrRejects(raw);
        trainingDataReadsOrRejects(raw);
    }

    /** The fields, quoted as RFC 4180 says, read back as written. */
    private static void readsBackUnchanged(List<String> fields) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int f = 0; f < fields.size(); f++) {
            line.append(f == 0 ? "" : ",").append('"').append(fields.get(f).replace("\"", "\"\"")).append('"');
        }
        line.append("\r\n");
        try (CsvReader reader = new CsvReader("round-trip.csv", stream(line.toString()))) {
            CsvRecord record = new CsvRecord("round-trip.csv");
            assertThat(reader.next(record)).isTrue();
            List<String> read = new ArrayList<>();
            for (int f = 0; f < record.fieldCount(); f++) {
                read.add(record.text(f));
            }
            assertThat(read).containsExactlyElementsOf(fields);
            assertThat(reader.next(record)).isFalse();
        }
    }

    private static void readsOrRejects(byte[] raw) throws IOException {
        try (CsvReader reader = new CsvReader("raw.csv", new ByteArrayInputStream(raw))) {
            CsvRecord record = new CsvRecord("raw.csv");
            long previous = 0;
            while (reader.next(record)) {
                assertThat(record.line()).isGreaterThan(previous);
                previous = record.line();
                for (int f = 0; f < record.fieldCount(); f++) {
                    assertThat(record.end(f)).isGreaterThanOrEqualTo(record.start(f));
                    record.text(f);
                }
            }
        } catch (InputException e) {
            InputErrors.assertLocated(e, "raw.csv", raw);
        }
    }

    /** The same bytes as an interactions file, then as an items file beside valid interactions. */
    private static void trainingDataReadsOrRejects(byte[] raw) {
        String interactions = "USER_ID,ITEM_ID,TIMESTAMP\nu1,i1,1700000000\nu2,i2,1700000100\n";
        try {
            TrainingData data = TrainingDataReader.read(new DataSource("interactions.csv", () -> new ByteArrayInputStream(raw)),
                    Optional.empty(), Optional.empty(), DatasetSchemas.NONE);
            assertThat(data.userCount()).isPositive();
        } catch (InputException e) {
            InputErrors.assertLocated(e, "interactions.csv", raw);
        }
        try {
            TrainingData data = TrainingDataReader.read(DataSource.ofText("interactions.csv", interactions),
                    Optional.of(new DataSource("items.csv", () -> new ByteArrayInputStream(raw))), Optional.empty(),
                    DatasetSchemas.NONE);
            assertThat(data.interactionCount()).isEqualTo(2);
        } catch (InputException e) {
            InputErrors.assertLocated(e, "items.csv", raw);
        }
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
