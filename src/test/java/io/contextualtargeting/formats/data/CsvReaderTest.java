package io.contextualtargeting.formats.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    @Test
    void quotedFieldsKeepCommasLineBreaksAndDoubledQuotes() throws IOException {
        List<List<String>> rows = read("a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\"\n");

        assertThat(rows).containsExactly(List.of("a", "b,c", "say \"hi\"", "two\nlines"));
    }

    @Test
    void crlfAndLfLineEndsBothEndRecords() throws IOException {
        assertThat(read("a,b\r\nc,d\ne,f\r\n")).containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("e", "f"));
    }

    @Test
    void byteOrderMarkIsSkipped() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "USER_ID,ITEM_ID\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(text, 0, all, 3, text.length);

        assertThat(read(all)).containsExactly(List.of("USER_ID", "ITEM_ID"));
    }

    @Test
    void emptyLinesHoldNoRecordButEmptyFieldsAreKept() throws IOException {
        assertThat(read("a,b\n\n\r\n,\nc,\n")).containsExactly(List.of("a", "b"), List.of("", ""), List.of("c", ""));
    }

    @Test
    void recordLineIsTheLineWhereTheRecordStarts() throws IOException {
        CsvReader reader = reader("h\n\"x\ny\"\nz\n");
        CsvRecord record = new CsvRecord("f.csv");
        List<Long> lines = new ArrayList<>();
        while (reader.next(record)) {
            lines.add(record.line());
        }
        assertThat(lines).containsExactly(1L, 2L, 4L);
    }

    @Test
    void unterminatedQuoteNamesTheLineWhereTheQuoteOpened() {
        assertThatThrownBy(() -> read("a,b\nc,\"open\nmore\n"))
                .isInstanceOf(DataFileException.class)
                .hasMessage("f.csv, line 2: a quoted field is not closed before the end of the file; add the closing quote");
    }

    @Test
    void onceTheHeaderIsNamedAnErrorNamesItsColumn() throws IOException {
        CsvReader reader = new CsvReader("f.csv", new ByteArrayInputStream("a,b\nc,\"open\n".getBytes(StandardCharsets.UTF_8)));
        CsvRecord record = new CsvRecord("f.csv");
        reader.next(record);
        reader.nameColumns(List.of("USER_ID", "TITLE"));

        assertThatThrownBy(() -> reader.next(record))
                .hasMessageStartingWith("f.csv, line 2, field TITLE: a quoted field is not closed");
    }

    @Test
    void quoteInsideUnquotedFieldIsRejected() {
        assertThatThrownBy(() -> read("a,b\"c\n"))
                .isInstanceOf(DataFileException.class)
                .hasMessageStartingWith("f.csv, line 1: a quote inside an unquoted field");
    }

    @Test
    void textAfterClosingQuoteIsRejected() {
        assertThatThrownBy(() -> read("x\n\"a\"b,c\n"))
                .isInstanceOf(DataFileException.class)
                .hasMessageStartingWith("f.csv, line 2: unexpected character 'b' after a closing quote");
    }

    @Test
    void recordsLongerThanTheReadBufferAreWhole() throws IOException {
        String longValue = "v".repeat(200_000);
        assertThat(read("a," + longValue + "\nb,c\n")).containsExactly(List.of("a", longValue), List.of("b", "c"));
    }

    private static List<List<String>> read(String text) throws IOException {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<List<String>> read(byte[] bytes) throws IOException {
        CsvReader reader = new CsvReader("f.csv", new ByteArrayInputStream(bytes));
        CsvRecord record = new CsvRecord("f.csv");
        List<List<String>> rows = new ArrayList<>();
        while (reader.next(record)) {
            List<String> row = new ArrayList<>();
            for (int i = 0; i < record.fieldCount(); i++) {
                row.add(record.text(i));
            }
            rows.add(row);
        }
        return rows;
    }

    private static CsvReader reader(String text) {
        return new CsvReader("f.csv", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
