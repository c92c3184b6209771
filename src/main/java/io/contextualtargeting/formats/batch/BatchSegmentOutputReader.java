package io.contextualtargeting.formats.batch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.contextualtargeting.formats.data.DataSource;
import io.contextualtargeting.formats.query.AttributeQuery;
import io.contextualtargeting.formats.query.ItemQuery;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Streams a batch segment job output file to a {@link SegmentOutputVisitor}, one token at a time.
 * Accepts both shapes AWS has used: the current
 * {@code {"input": {"itemId": "105"}, "output": {"usersList": [...]}, "error": null}} and the older
 * documented {@code {"itemId": "105", "output": {"recommendedUsers": [...]}, "error": null}} (with
 * {@code itemAttributes} in place of {@code itemId} for attribute queries). Fields it does not know
 * are skipped; anything else malformed is a {@link BatchOutputException} with its line.
 */
public final class BatchSegmentOutputReader {

    private BatchSegmentOutputReader() {
    }

    /** Reads the whole file; returns the number of lines visited. */
    public static long read(DataSource source, SegmentOutputVisitor visitor) {
        try (InputStream in = source.open(); JsonParser parser = new JsonFactory().createParser(in)) {
            return new LineParser(source.name(), parser, visitor).readAll();
        } catch (JsonProcessingException e) {
            throw new BatchOutputException(source.name(), e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    null, "not valid JSON: " + e.getOriginalMessage());
        } catch (CharConversionException e) {
            // bytes that start like UTF-16 or UTF-32 make the parser switch encodings and then fail
            throw new BatchOutputException(source.name(), 0, null,
                    "not UTF-8 text, which Personalize writes job output in: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The state of one line while its tokens stream by. */
    private static final class LineParser {
        private final String source;
        private final JsonParser parser;
        private final SegmentOutputVisitor visitor;
        private long line;
        private BatchInput input;
        private long users;
        private String error;

        LineParser(String source, JsonParser parser, SegmentOutputVisitor visitor) {
            this.source = source;
            this.parser = parser;
            this.visitor = visitor;
        }

        long readAll() throws IOException {
            long lines = 0;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                line = parser.currentTokenLocation().getLineNr();
                if (token != JsonToken.START_OBJECT) {
                    throw fail(null, "expected a JSON object per line, found " + token);
                }
                readLine();
                lines++;
            }
            return lines;
        }

        private void readLine() throws IOException {
            input = null;
            users = 0;
            error = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "input" -> readInput(value);
                    case ItemQuery.KEY, AttributeQuery.KEY -> setInput(field, value);
                    case "output" -> readOutput(value);
                    case "error" -> error = value == JsonToken.VALUE_NULL ? null : parser.getValueAsString();
                    default -> parser.skipChildren();
                }
            }
            if (input == null) {
                throw fail("input", "the line has no input (itemId or itemAttributes)");
            }
            visitor.endLine(line, input, users, error);
        }

        private void readInput(JsonToken value) throws IOException {
            if (value != JsonToken.START_OBJECT) {
                throw fail("input", "expected an object like {\"itemId\": \"105\"}");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken inner = parser.nextToken();
                if (field.equals(ItemQuery.KEY) || field.equals(AttributeQuery.KEY)) {
                    setInput(field, inner);
                } else {
                    parser.skipChildren();
                }
            }
        }

        private void setInput(String key, JsonToken value) throws IOException {
            if (value != JsonToken.VALUE_STRING) {
                throw fail(key, "expected a string");
            }
            input = new BatchInput(key, parser.getText());
            visitor.input(line, input);
        }

        private void readOutput(JsonToken value) throws IOException {
            if (value == JsonToken.VALUE_NULL) {
                return;
            }
            if (value != JsonToken.START_OBJECT) {
                throw fail("output", "expected an object with usersList, or null");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken inner = parser.nextToken();
                if (field.equals("usersList") || field.equals("recommendedUsers")) {
                    readUsers(field, inner);
                } else {
                    parser.skipChildren();
                }
            }
        }

        private void readUsers(String field, JsonToken value) throws IOException {
            if (value != JsonToken.START_ARRAY) {
                throw fail("output." + field, "expected an array of user ids");
            }
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token != JsonToken.VALUE_STRING && token != JsonToken.VALUE_NUMBER_INT) {
                    throw fail("output." + field, "expected user ids, found " + token);
                }
                users++;
                visitor.user(line, parser.getText());
            }
        }

        private BatchOutputException fail(String field, String problem) {
            return new BatchOutputException(source, line, field, problem);
        }
    }
}
