package io.contextualtargeting.engine.data;

import java.util.Optional;

/** Training data from CSV text, read by the real readers. */
public final class CsvData {

    private CsvData() {
    }

    /** @param interactions rows of {@code user,item,timestamp} after the header */
    public static TrainingData read(String items, String... interactions) {
        return TrainingDataReader.read(
                DataSource.ofText("interactions.csv", "USER_ID,ITEM_ID,TIMESTAMP\n" + String.join("\n", interactions) + "\n"),
                Optional.of(DataSource.ofText("items.csv", items)), Optional.empty(), DatasetSchemas.NONE);
    }
}
