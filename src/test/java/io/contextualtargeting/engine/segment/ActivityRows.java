package io.contextualtargeting.engine.segment;

import io.contextualtargeting.formats.data.CsvData;
import io.contextualtargeting.formats.data.TrainingData;
import java.util.Arrays;
import java.util.List;

/** Interaction rows of users at a steady pace, for the activity tests. */
final class ActivityRows {
    static final long DAY = 86_400;

    private ActivityRows() {
    }

    /** {@code count} rows of {@code user}, {@code days} apart, the last at {@code last} (seconds after the epoch). */
    static void every(String user, int days, int count, long last, List<String> rows) {
        for (int k = count - 1; k >= 0; k--) {
            rows.add(user + ",i" + (k % 5) + "," + (last - k * days * DAY));
        }
    }

    static TrainingData read(List<String> rows) {
        return CsvData.read("ITEM_ID\ni0\ni1\ni2\ni3\ni4\n", rows.toArray(String[]::new));
    }

    static float[] ones(List<String> rows) {
        float[] weights = new float[rows.size()];
        Arrays.fill(weights, 1);
        return weights;
    }
}
