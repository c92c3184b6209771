package io.contextualtargeting.engine;

import io.contextualtargeting.formats.data.DataSource;
import io.contextualtargeting.formats.data.DatasetSchemas;
import io.contextualtargeting.formats.data.TrainingData;
import io.contextualtargeting.formats.data.TrainingDataReader;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A small dataset with planted structure, written as Personalize CSV text and read by the real
 * readers: "a" users watch only Action items (a0..), "d" users only Drama items (d0..).
 */
public final class PlantedTastes {
    public final String interactionsCsv;
    public final String itemsCsv;

    public PlantedTastes(int usersPerGroup, int itemsPerGenre, int interactionsPerUser, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder interactions = new StringBuilder("USER_ID,ITEM_ID,TIMESTAMP\n");
        for (String group : new String[] {"a", "d"}) {
            for (int u = 0; u < usersPerGroup; u++) {
                for (int n = 0; n < interactionsPerUser; n++) {
                    // skewed: low item numbers are popular
                    int item = (int) (itemsPerGenre * Math.pow(random.nextDouble(), 2));
                    interactions.append(group).append("user").append(u).append(',').append(group).append(item).append(',')
                            .append(1_700_000_000L + random.nextInt(1_000_000)).append('\n');
                }
            }
        }
        StringBuilder items = new StringBuilder("ITEM_ID,GENRES,YEAR\n");
        for (int i = 0; i < itemsPerGenre; i++) {
            items.append('a').append(i).append(",Action|Adventure,").append(2000 + i % 2).append('\n');
            items.append('d').append(i).append(",Drama,").append(2000 + i % 2).append('\n');
        }
        this.interactionsCsv = interactions.toString();
        this.itemsCsv = items.toString();
    }

    public TrainingData read() {
        return TrainingDataReader.read(DataSource.ofText("interactions.csv", interactionsCsv),
                Optional.of(DataSource.ofText("items.csv", itemsCsv)), Optional.empty(), DatasetSchemas.NONE);
    }
}
