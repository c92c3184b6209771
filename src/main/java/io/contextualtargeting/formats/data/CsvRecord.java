package io.contextualtargeting.formats.data;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One CSV record, reused from row to row so that millions of rows allocate nothing: the unquoted
 * bytes of every field and where each field starts and ends. Typed accessors fail with a
 * {@link DataFileException} naming the file, the record's first line and the column.
 */
public final class CsvRecord {
    private final String source;
    byte[] data = new byte[256];
    int length;
    int[] starts = new int[16];
    int[] ends = new int[16];
    int fieldCount;
    long line;

    public CsvRecord(String source) {
        this.source = source;
    }

    public String source() {
        return source;
    }

    /** The line on which this record starts (1-based; the header is line 1). */
    public long line() {
        return line;
    }

    public int fieldCount() {
        return fieldCount;
    }

    public boolean isEmpty(int field) {
        return starts[field] == ends[field];
    }

    public String text(int field) {
        return new String(data, starts[field], ends[field] - starts[field], StandardCharsets.UTF_8);
    }

    public int start(int field) {
        return starts[field];
    }

    public int end(int field) {
        return ends[field];
    }

    /** The shared byte buffer the field offsets point into. */
    public byte[] bytes() {
        return data;
    }

    /** Whether the field holds the given ASCII byte, e.g. the '|' of a multi-value categorical field. */
    public boolean contains(int field, byte b) {
        for (int i = starts[field]; i < ends[field]; i++) {
            if (data[i] == b) {
                return true;
            }
        }
        return false;
    }

    public long longValue(int field, String column, String expectation) {
        long value = Numbers.parseLong(data, starts[field], ends[field]);
        if (value == Numbers.NOT_A_LONG && !Numbers.isLongMinValue(data, starts[field], ends[field])) {
            throw error(column, "'" + text(field) + "' is not " + expectation);
        }
        return value;
    }

    public float floatValue(int field, String column) {
        float value = Numbers.parseFloat(data, starts[field], ends[field]);
        if (Float.isNaN(value)) {
            throw error(column, "'" + text(field) + "' is not a finite decimal number");
        }
        return value;
    }

    public DataFileException error(String column, String problem) {
        return new DataFileException(source, line, column, problem);
    }

    void clear(long startLine) {
        length = 0;
        fieldCount = 0;
        line = startLine;
    }

    void append(byte b) {
        if (length == data.length) {
            data = Arrays.copyOf(data, data.length * 2);
        }
        data[length++] = b;
    }

    void append(byte[] source, int from, int to) {
        int n = to - from;
        if (length + n > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, length + n));
        }
        System.arraycopy(source, from, data, length, n);
        length += n;
    }

    void startField() {
        if (fieldCount == starts.length) {
            starts = Arrays.copyOf(starts, fieldCount * 2);
            ends = Arrays.copyOf(ends, fieldCount * 2);
        }
        starts[fieldCount] = length;
    }

    void endField() {
        ends[fieldCount++] = length;
    }
}
