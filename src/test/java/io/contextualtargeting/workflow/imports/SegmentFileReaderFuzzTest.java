package io.contextualtargeting.workflow.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.contextualtargeting.formats.InputErrors;
import io.contextualtargeting.formats.InputException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the Pinpoint segment file reader: any bytes give a summary or an
 * {@link InvalidSegmentFileException} naming the file and lines, never another exception; a file of
 * ids in either segment form, quoted as RFC 4180 says, reads back as written.
 */
class SegmentFileReaderFuzzTest {
    private static final String SOURCE = "segment.csv";
    private final SegmentFileReader reader = new SegmentFileReader();

    @FuzzTest(maxDuration = "10s")
    @Timeout(value = 2, unit = TimeUnit.MINUTES) // per input (libFuzzer's -timeout) and for the whole run: a hang fails
    @DictionaryEntries({"Id", "User.UserId", "Address", "ChannelType", "OptOut", "EMAIL", "SMS", "ALL", "NONE",
            "Attributes.", "User.UserAttributes."})
    void anySegmentFileGivesRowsOrAnErrorWithItsLines(FuzzedDataProvider data) {
        boolean userIds = data.consumeBoolean();
        List<String> ids = new ArrayList<>();
        int count = data.consumeInt(1, 5);
        for (int i = 0; i < count; i++) {
            ids.add(data.consumeString(12));
        }
        byte[] raw = data.consumeRemainingAsBytes();

        idsReadBack(userIds ? "User.UserId" : "Id", ids);
        readsOrRejects(raw);
    }

    private void idsReadBack(String header, List<String> ids) {
        if (ids.stream().anyMatch(id -> id.trim().isEmpty() || !id.equals(id.trim())
                || id.chars().anyMatch(c -> c == '\t' || c == '\n' || c == '\r'))) {
            return; // values are trimmed; Pinpoint refuses empty ids and tabs or line breaks inside values
        }
        StringBuilder file = new StringBuilder(header).append('\n');
        for (String id : ids) {
            boolean quote = id.indexOf(',') >= 0 || id.indexOf('"') >= 0;
            file.append(quote ? '"' + id.replace("\"", "\"\"") + '"' : id).append('\n');
        }
        List<String> read = new ArrayList<>();
        SegmentFileReader.Summary summary = reader.read(SOURCE,
                new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)),
                row -> read.add(header.equals("Id") ? row.id() : row.userId()));
        assertThat(summary.rows()).isEqualTo(ids.size());
        assertThat(read).containsExactlyElementsOf(ids);
    }

    private void readsOrRejects(byte[] raw) {
        try {
            List<SegmentFileRow> rows = new ArrayList<>();
            SegmentFileReader.Summary summary = reader.read(SOURCE, new ByteArrayInputStream(raw), rows::add);
            assertThat(rows).hasSize((int) summary.rows());
        } catch (InputException e) {
            assertThat(e).isInstanceOf(InvalidSegmentFileException.class);
            InputErrors.assertLocated(e, SOURCE, raw);
        }
    }
}
