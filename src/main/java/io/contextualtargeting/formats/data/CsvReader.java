package io.contextualtargeting.formats.data;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Streaming RFC 4180 reader over bytes: quoted fields with commas, line breaks and doubled quotes,
 * CRLF or LF line ends, an optional UTF-8 byte order mark. Splitting at byte level is safe for
 * UTF-8 because every delimiter is ASCII. Lines with no characters at all are skipped (they hold no
 * data); everything else malformed is a {@link DataFileException} with its line.
 */
public final class CsvReader implements Closeable {
    private static final int BUFFER_SIZE = 1 << 16;

    private final String source;
    private final InputStream in;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private int position;
    private int limit;
    private boolean started;
    private long line = 1;
    private List<String> columns = List.of();

    public CsvReader(String source, InputStream in) {
        this.source = source;
        this.in = in;
    }

    public String source() {
        return source;
    }

    /** The header's column names, so that an error in a later row names its column. */
    public void nameColumns(List<String> names) {
        columns = List.copyOf(names);
    }

    /** Reads the next record into {@code record}; false at the end of the input. */
    public boolean next(CsvRecord record) throws IOException {
        if (!started) {
            started = true;
            skipByteOrderMark();
        }
        while (true) {
            if (!fill()) {
                return false;
            }
            byte first = buffer[position];
            if (first == '\n' || first == '\r') {
                skipLineEnd();
                continue;
            }
            readRecord(record);
            return true;
        }
    }

    private void readRecord(CsvRecord record) throws IOException {
        record.clear(line);
        while (true) {
            record.startField();
            boolean quoted = fill() && buffer[position] == '"';
            if (quoted) {
                position++;
                readQuoted(record);
            } else {
                readUnquoted(record);
            }
            record.endField();
            if (!fill()) {
                return;
            }
            byte b = buffer[position];
            if (b == ',') {
                position++;
            } else if (b == '\n' || b == '\r') {
                skipLineEnd();
                return;
            } else {
                throw new DataFileException(source, line, column(record.fieldCount() - 1), "unexpected character '" + (char) b
                        + "' after a closing quote; a quoted field must be followed by a comma or a line end");
            }
        }
    }

    private void readUnquoted(CsvRecord record) throws IOException {
        while (fill()) {
            int start = position;
            int end = start;
            while (end < limit) {
                byte b = buffer[end];
                if (b == ',' || b == '\n' || b == '\r') {
                    break;
                }
                if (b == '"') {
                    throw new DataFileException(source, line, column(record.fieldCount()), "a quote inside an unquoted field;"
                            + " quote the whole field and double the quotes inside it (\"a \"\"b\"\" c\")");
                }
                end++;
            }
            record.append(buffer, start, end);
            position = end;
            if (end < limit) {
                return;
            }
        }
    }

    private void readQuoted(CsvRecord record) throws IOException {
        long openedOn = line;
        while (true) {
            if (!fill()) {
                throw new DataFileException(source, openedOn, column(record.fieldCount()),
                        "a quoted field is not closed before the end of the file; add the closing quote");
            }
            byte b = buffer[position++];
            if (b == '"') {
                if (fill() && buffer[position] == '"') {
                    position++;
                    record.append((byte) '"');
                } else {
                    return;
                }
            } else {
                if (b == '\n') {
                    line++;
                }
                record.append(b);
            }
        }
    }

    private void skipLineEnd() throws IOException {
        if (buffer[position] == '\r') {
            position++;
            if (fill() && buffer[position] == '\n') {
                position++;
            }
        } else {
            position++;
        }
        line++;
    }

    private void skipByteOrderMark() throws IOException {
        limit = in.readNBytes(buffer, 0, 3);
        position = 0;
        if (limit == 3 && (buffer[position] & 0xff) == 0xEF
                && (buffer[position + 1] & 0xff) == 0xBB && (buffer[position + 2] & 0xff) == 0xBF) {
            position += 3;
        }
    }

    /** The name of the column at {@code index} once the header is known; null before, or past the header's columns. */
    private String column(int index) {
        return index >= 0 && index < columns.size() ? columns.get(index) : null;
    }

    /** Makes at least one byte available; false at the end of the input. */
    private boolean fill() throws IOException {
        if (position < limit) {
            return true;
        }
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
