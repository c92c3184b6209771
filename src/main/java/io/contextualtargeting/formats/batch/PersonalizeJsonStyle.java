package io.contextualtargeting.formats.batch;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;

/** Single-line JSON with a space after {@code :} and {@code ,}, as Personalize's output lines are written. */
final class PersonalizeJsonStyle extends MinimalPrettyPrinter {

    PersonalizeJsonStyle() {
        super("");
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(": ");
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
        g.writeRaw(", ");
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(", ");
    }
}
