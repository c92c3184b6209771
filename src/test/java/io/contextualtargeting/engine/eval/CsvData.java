package io.contextualtargeting.engine.eval;

import io.contextualtargeting.engine.data.DataSource;
import io.contextualtargeting.engine.data.DatasetSchemas;
import io.contextualtargeting.engine.data.TrainingData;
import io.contextualtargeting.engine.data.TrainingDataReader;
import java.util.Optional;

/** Training data from CSV text, read by the real readers. */
final class CsvData {

    private CsvData() {
    }

    /** @param interactions rows of {@code user,item,timestamp} after the header */
    static TrainingData read(String items, String... interactions) {
        return TrainingDataReader.read(
                DataSource.ofText("interactions.csv", "USER_ID,ITEM_ID,TIMESTAMP\n" + String.join("\n", interactions) + "\n"),
                Optional.of(DataSource.ofText("items.csv", items)), Optional.empty(), DatasetSchemas.NONE);
    }
}
