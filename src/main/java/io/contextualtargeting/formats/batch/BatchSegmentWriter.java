package io.contextualtargeting.formats.batch;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.IntFunction;

/**
 * Writes a batch segment job output file as Personalize does: one JSON line per input line,
 * {@code {"input": {...}, "output": {"usersList": [...]}, "error": null}} or, for a line that
 * could not be answered, {@code {"input": {...}, "output": null, "error": "<message>"}}. Streams:
 * a line of five million users is never built in memory.
 */
public final class BatchSegmentWriter implements Closeable {
    private final JsonGenerator json;

    /** Writes to {@code out}; {@link #close()} flushes but leaves {@code out} open for its owner. */
    public BatchSegmentWriter(OutputStream out) throws IOException {
        this.json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)
                .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false)
                .setPrettyPrinter(new PersonalizeJsonStyle());
    }

    /** A line with its users, best first; {@code userId} maps a user index to its id. */
    public void writeUsers(BatchInput input, int[] users, IntFunction<String> userId) throws IOException {
        startLine(input);
        json.writeFieldName("output");
        json.writeStartObject();
        json.writeArrayFieldStart("usersList");
        for (int user : users) {
            json.writeString(userId.apply(user));
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeNullField("error");
        endLine();
    }

    /** A line that could not be answered. */
    public void writeError(BatchInput input, String message) throws IOException {
        startLine(input);
        json.writeNullField("output");
        json.writeStringField("error", message);
        endLine();
    }

    private void startLine(BatchInput input) throws IOException {
        json.writeStartObject();
        json.writeObjectFieldStart("input");
        json.writeStringField(input.key(), input.value());
        json.writeEndObject();
    }

    private void endLine() throws IOException {
        json.writeEndObject();
        json.writeRaw('\n');
    }

    @Override
    public void close() throws IOException {
        json.close();
    }
}
