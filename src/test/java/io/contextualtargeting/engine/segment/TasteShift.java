package io.contextualtargeting.engine.segment;

import io.contextualtargeting.formats.data.DataSource;
import io.contextualtargeting.formats.data.DatasetSchemas;
import io.contextualtargeting.formats.data.TrainingData;
import io.contextualtargeting.formats.data.TrainingDataReader;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Users who each favour one of eight genres over 200 days, at steady activity, read by the real
 * readers. Each user's count of interactions is drawn (1 to twice the mean): with one fixed total,
 * a user with many early rows would have few late ones, and recency would predict for that reason alone. With a shift, every user changes to another genre at day {@code shiftDay}: only recent
 * history says what they watch now. Without one, the whole history says it best.
 */
final class TasteShift {
    static final int GENRES = 8;
    private static final int ITEMS_PER_GENRE = 10;
    private static final long START = 1_600_000_000L;
    private static final long DAY = 86_400;
    private static final int DAYS = 200;

    private TasteShift() {
    }

    /**
     * @param interactionsPerUser the mean count of a user's interactions
     * @param shiftDay            the day users change genre, or a day past the end for no change
     */
    static TrainingData read(int users, int interactionsPerUser, int shiftDay, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder interactions = new StringBuilder("USER_ID,ITEM_ID,TIMESTAMP\n");
        for (int u = 0; u < users; u++) {
            int before = random.nextInt(GENRES);
            int after = (before + 1 + random.nextInt(GENRES - 1)) % GENRES;
            int count = 1 + random.nextInt(2 * interactionsPerUser - 1);
            for (int n = 0; n < count; n++) {
                long t = START + (long) (random.nextDouble() * DAYS * DAY);
                int genre = t < START + shiftDay * DAY ? before : after;
                if (random.nextDouble() < 0.3) {
                    genre = random.nextInt(GENRES); // some choices ignore taste
                }
                interactions.append('u').append(u).append(",g").append(genre).append('i')
                        .append(random.nextInt(ITEMS_PER_GENRE)).append(',').append(t).append('\n');
            }
        }
        StringBuilder items = new StringBuilder("ITEM_ID,GENRES\n");
        for (int g = 0; g < GENRES; g++) {
            for (int i = 0; i < ITEMS_PER_GENRE; i++) {
                items.append('g').append(g).append('i').append(i).append(",G").append(g).append('\n');
            }
        }
        return TrainingDataReader.read(DataSource.ofText("interactions.csv", interactions.toString()),
                Optional.of(DataSource.ofText("items.csv", items.toString())), Optional.empty(), DatasetSchemas.NONE);
    }
}
