package io.contextualtargeting.formats.data;

import java.util.Optional;

/** Training data from CSV text, read by the real readers. */
public final class CsvData {
    /** 2020-01-01T00:00:00Z: the rows' timestamps count seconds from it, as TIMESTAMPs must be after 1990. */
    public static final long EPOCH = 1_577_836_800L;

    private CsvData() {
    }

    /** @param interactions rows of {@code user,item,seconds after EPOCH} after the header */
    public static TrainingData read(String items, String... interactions) {
        StringBuilder csv = new StringBuilder("USER_ID,ITEM_ID,TIMESTAMP\n");
        for (String row : interactions) {
            int comma = row.lastIndexOf(',');
            csv.append(row, 0, comma + 1).append(EPOCH + Long.parseLong(row.substring(comma + 1))).append('\n');
        }
        return TrainingDataReader.read(DataSource.ofText("interactions.csv", csv.toString()),
                Optional.of(DataSource.ofText("items.csv", items)), Optional.empty(), DatasetSchemas.NONE);
    }
}
