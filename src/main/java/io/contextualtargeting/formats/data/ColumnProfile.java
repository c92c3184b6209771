package io.contextualtargeting.formats.data;

import io.contextualtargeting.formats.PersonalData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the values of one column of a CSV file look like, read in one streaming pass: whether every
 * value is a whole number (and fits an int), a decimal number, whether any is empty, carries a
 * {@code |} (several categorical labels) or looks like personal data (an e-mail address or a phone
 * number), and how many distinct values it has (counted up to {@value #MAX_DISTINCT}). What a schema
 * makes of it is the caller's choice.
 */
public record ColumnProfile(String name, long nonEmpty, boolean hasEmpty, boolean allWhole, boolean allInt,
                            boolean allDecimal, boolean leadingZero, boolean hasSeparator, boolean personal,
                            int distinct) {
    /** Distinct values counted per column; past it a column counts as not repeating. */
    public static final int MAX_DISTINCT = 100_000;

    /** Every value a number (and at least one value): without a leading zero, which makes it a code. */
    public boolean numeric() {
        return nonEmpty > 0 && allDecimal && !leadingZero;
    }

    /**
     * Values repeat as categories do: the items reader's rule (few distinct values, or each value on
     * two rows or more on average), but never when every value is different (titles of a small catalog).
     */
    public boolean repeats() {
        return distinct < nonEmpty
                && (distinct <= ItemsReader.MIN_DISTINCT_FOR_TEXT || (distinct < MAX_DISTINCT && distinct * 2L <= nonEmpty));
    }

    /**
     * Profiles every column of the file, checking its CSV structure (header, field counts) as the
     * readers do; problems are {@link DataFileException}s naming the file, line and column.
     */
    public static List<ColumnProfile> of(DataSource source) {
        try (InputStream in = source.open()) {
            CsvReader reader = new CsvReader(source.name(), in);
            CsvRecord record = new CsvRecord(source.name());
            CsvHeader header = CsvHeader.read(reader, record, "a header line naming the columns");
            List<Builder> columns = new ArrayList<>();
            for (int c = 0; c < header.size(); c++) {
                columns.add(new Builder(header.name(c)));
            }
            while (reader.next(record)) {
                header.checkFieldCount(record);
                for (int c = 0; c < columns.size(); c++) {
                    columns.get(c).add(record, c);
                }
            }
            return columns.stream().map(Builder::build).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source.name(), e);
        }
    }

    private static final class Builder {
        private final String name;
        private final Set<String> values = new HashSet<>();
        private long nonEmpty;
        private boolean hasEmpty;
        private boolean allWhole = true;
        private boolean allInt = true;
        private boolean allDecimal = true;
        private boolean leadingZero;
        private boolean hasSeparator;
        private boolean personal;
        private boolean overflow;

        Builder(String name) {
            this.name = name;
        }

        void add(CsvRecord record, int column) {
            if (record.isEmpty(column)) {
                hasEmpty = true;
                return;
            }
            nonEmpty++;
            byte[] bytes = record.bytes();
            int from = record.start(column);
            int to = record.end(column);
            long whole = Numbers.parseLong(bytes, from, to);
            boolean isWhole = whole != Numbers.NOT_A_LONG || Numbers.isLongMinValue(bytes, from, to);
            allWhole &= isWhole;
            allInt &= isWhole && whole >= Integer.MIN_VALUE && whole <= Integer.MAX_VALUE;
            allDecimal &= !Float.isNaN(Numbers.parseFloat(bytes, from, to));
            leadingZero |= to - from > 1 && bytes[from] == '0' && bytes[from + 1] != '.';
            hasSeparator |= record.contains(column, (byte) '|');
            if (!overflow) {
                String text = record.text(column);
                personal |= PersonalData.appears(text);
                values.add(text);
                overflow = values.size() >= MAX_DISTINCT;
            }
        }

        ColumnProfile build() {
            return new ColumnProfile(name, nonEmpty, hasEmpty, allWhole, allInt, allDecimal, leadingZero, hasSeparator,
                    personal, overflow ? MAX_DISTINCT : values.size());
        }
    }
}
