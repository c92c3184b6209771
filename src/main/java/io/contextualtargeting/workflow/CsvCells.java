package io.contextualtargeting.workflow;

/** Writing single CSV cells (RFC 4180). */
public final class CsvCells {
    private CsvCells() {
    }

    /** The value, quoted when it holds a comma, a quote or a line break. */
    public static String escape(String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
