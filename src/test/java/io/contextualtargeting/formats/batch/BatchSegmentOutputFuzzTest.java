package io.contextualtargeting.formats.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.contextualtargeting.formats.InputErrors;
import io.contextualtargeting.formats.InputException;
import io.contextualtargeting.formats.data.DataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the job output reader: any bytes give lines or a {@link BatchOutputException} naming the
 * file and line, never another exception, and every line reports as many users as it delivered;
 * what {@link BatchSegmentWriter} writes reads back unchanged.
 */
class BatchSegmentOutputFuzzTest {
    private static final String SOURCE = "job_config.json.out";

    @FuzzTest(maxDuration = "10s")
    @Timeout(value = 2, unit = TimeUnit.MINUTES) // per input (libFuzzer's -timeout) and for the whole run: a hang fails
    @DictionaryEntries({"{\"input\": {\"itemId\": \"", "{\"itemAttributes\": \"", "\"output\": {\"usersList\": [",
            "\"recommendedUsers\"", "\"error\": null", "\"error\": \"", "null", "]}"})
    void anyJobOutputGivesLinesOrAnErrorWithItsLine(FuzzedDataProvider data) throws IOException {
        List<Line> written = new ArrayList<>();
        int lines = data.consumeInt(0, 3);
        for (int l = 0; l < lines; l++) {
            BatchInput input = new BatchInput(data.consumeBoolean() ? "itemId" : "itemAttributes", data.consumeString(8));
            if (data.consumeBoolean()) {
                written.add(new Line(input, List.of(), data.consumeString(8)));
            } else {
                List<String> users = new ArrayList<>();
                int count = data.consumeInt(0, 4);
                for (int u = 0; u < count; u++) {
                    users.add(data.consumeString(6));
                }
                written.add(new Line(input, users, null));
            }
        }
        byte[] raw = data.consumeRemainingAsBytes();

        readsBackUnchanged(written);
        readsOrRejects(raw);
    }

    private static void readsBackUnchanged(List<Line> lines) throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (BatchSegmentWriter writer = new BatchSegmentWriter(file)) {
            for (Line line : lines) {
                if (line.error() != null) {
                    writer.writeError(line.input(), line.error());
                } else {
                    writer.writeUsers(line.input(), java.util.stream.IntStream.range(0, line.users().size()).toArray(),
                            line.users()::get);
                }
            }
        }
        LineCollector visitor = new LineCollector();
        BatchSegmentOutputReader.read(new DataSource(SOURCE, () -> new ByteArrayInputStream(file.toByteArray())), visitor);
        assertThat(visitor.lines).containsExactlyElementsOf(lines);
    }

    private static void readsOrRejects(byte[] raw) {
        CountingVisitor visitor = new CountingVisitor();
        try {
            long lines = BatchSegmentOutputReader.read(new DataSource(SOURCE, () -> new ByteArrayInputStream(raw)), visitor);
            assertThat(visitor.ended).isEqualTo(lines);
        } catch (InputException e) {
            assertThat(e).isInstanceOf(BatchOutputException.class);
            InputErrors.assertLocated(e, SOURCE, raw);
        }
    }

    /** One line of a job output as written or read. */
    private record Line(BatchInput input, List<String> users, String error) {
    }

    /** Gathers the lines a reader delivers. */
    private static final class LineCollector implements SegmentOutputVisitor {
        final List<Line> lines = new ArrayList<>();
        private List<String> users = new ArrayList<>();

        @Override
        public void input(long line, BatchInput input) {
        }

        @Override
        public void user(long line, String userId) {
            users.add(userId);
        }

        @Override
        public void endLine(long line, BatchInput input, long count, String error) {
            lines.add(new Line(input, users, error));
            users = new ArrayList<>();
        }
    }

    /** Checks the visitor protocol as the calls arrive: lines in order, each ending with its user count. */
    private static final class CountingVisitor implements SegmentOutputVisitor {
        long ended;
        long users;
        long lastLine;

        @Override
        public void input(long line, BatchInput input) {
            assertThat(input.key()).isIn("itemId", "itemAttributes");
        }

        @Override
        public void user(long line, String userId) {
            assertThat(userId).isNotNull();
            users++;
        }

        @Override
        public void endLine(long line, BatchInput input, long count, String error) {
            assertThat(line).isGreaterThan(lastLine);
            assertThat(count).isEqualTo(users);
            lastLine = line;
            users = 0;
            ended++;
        }
    }
}
