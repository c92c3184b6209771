package io.contextualtargeting.formats.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contextualtargeting.formats.data.DataSource;
import io.contextualtargeting.formats.query.ItemQuery;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BatchSegmentOutputTest {

    @Test
    void linesAreWrittenAsPersonalizeWritesThem() throws IOException {
        String written = write();

        assertThat(written).isEqualTo("""
                {"input": {"itemId": "105"}, "output": {"usersList": ["u12", "u7"]}, "error": null}
                {"input": {"itemAttributes": "ITEMS.GENRES = \\"Action\\""}, "output": null, "error": "no item has ITEMS.GENRES = \\"Action\\""}
                """);
    }

    @Test
    void writtenLinesReadBackUserByUser() throws IOException {
        RecordingVisitor visitor = new RecordingVisitor();

        long lines = BatchSegmentOutputReader.read(DataSource.ofText("job_config.json.out", write()), visitor);

        assertThat(lines).isEqualTo(2);
        assertThat(visitor.events).containsExactly(
                "1 input itemId=105", "1 user u12", "1 user u7", "1 end 2 users, error null",
                "2 input itemAttributes=ITEMS.GENRES = \"Action\"",
                "2 end 0 users, error no item has ITEMS.GENRES = \"Action\"");
    }

    @Test
    void olderShapeWithTopLevelInputAndRecommendedUsersIsRead() {
        String older = """
                {"itemAttributes": "ITEMS.genres = \\"Comedy\\"", "output": {"recommendedUsers": ["3", "1"]}, "error": null}
                {"itemId": "9", "output": {"recommendedUsers": []}}
                """;
        RecordingVisitor visitor = new RecordingVisitor();

        BatchSegmentOutputReader.read(DataSource.ofText("old.out", older), visitor);

        assertThat(visitor.events).containsExactly(
                "1 input itemAttributes=ITEMS.genres = \"Comedy\"", "1 user 3", "1 user 1", "1 end 2 users, error null",
                "2 input itemId=9", "2 end 0 users, error null");
    }

    @Test
    void unknownFieldsAreSkipped() {
        String line = "{\"jobId\": {\"a\": [1, 2]}, \"input\": {\"itemId\": \"1\", \"x\": 2}, \"output\": {\"scores\": [0.1], \"usersList\": [\"u\"]}}\n";
        RecordingVisitor visitor = new RecordingVisitor();

        BatchSegmentOutputReader.read(DataSource.ofText("x.out", line), visitor);

        assertThat(visitor.events).containsExactly("1 input itemId=1", "1 user u", "1 end 1 users, error null");
    }

    @Test
    void malformedLineIsReportedWithItsLineNumber() {
        String text = """
                {"input": {"itemId": "1"}, "output": {"usersList": ["a"]}, "error": null}
                {"input": {"itemId": "2"}, "output": {"usersList": ["a" "b"]}, "error": null}
                """;

        assertThatThrownBy(() -> BatchSegmentOutputReader.read(DataSource.ofText("job.out", text), new RecordingVisitor()))
                .isInstanceOf(BatchOutputException.class)
                .hasMessageStartingWith("job.out, line 2: not valid JSON");
    }

    @Test
    void lineWithoutInputIsRejected() {
        assertThatThrownBy(() -> BatchSegmentOutputReader.read(DataSource.ofText("job.out",
                "{\"output\": {\"usersList\": [\"a\"]}}\n"), new RecordingVisitor()))
                .hasMessage("job.out, line 1, field input: the line has no input (itemId or itemAttributes)");
    }

    @Test
    void usersListThatIsNotAnArrayIsRejected() {
        assertThatThrownBy(() -> BatchSegmentOutputReader.read(DataSource.ofText("job.out",
                "{\"input\": {\"itemId\": \"1\"}}\n{\"input\": {\"itemId\": \"1\"}, \"output\": {\"usersList\": \"a\"}}\n"),
                new RecordingVisitor()))
                .hasMessage("job.out, line 2, field output.usersList: expected an array of user ids");
    }

    private static String write() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BatchSegmentWriter writer = new BatchSegmentWriter(out)) {
            writer.writeUsers(BatchInput.of(new ItemQuery("105")), new int[] {12, 7}, u -> "u" + u);
            writer.writeError(new BatchInput("itemAttributes", "ITEMS.GENRES = \"Action\""),
                    "no item has ITEMS.GENRES = \"Action\"");
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
