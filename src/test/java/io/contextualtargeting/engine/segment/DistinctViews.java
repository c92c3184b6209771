package io.contextualtargeting.engine.segment;

import io.contextualtargeting.formats.data.DataSource;
import io.contextualtargeting.formats.data.DatasetSchemas;
import io.contextualtargeting.formats.data.TrainingData;
import io.contextualtargeting.formats.data.TrainingDataReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Users who each view distinct items of their group's genre ("a" users Action items a0.., "d" users
 * Drama items d0..), every view repeated {@code repeats} more times later: 0 gives data without
 * repeats, 2 data where two rows in three repeat a pair.
 */
final class DistinctViews {
    private final StringBuilder interactions = new StringBuilder("USER_ID,ITEM_ID,TIMESTAMP\n");
    private final StringBuilder items = new StringBuilder("ITEM_ID,GENRES\n");
    private final List<String[]> pairs = new ArrayList<>();

    DistinctViews(int usersPerGroup, int itemsPerGenre, int viewsPerUser, int repeats) {
        SplittableRandom random = new SplittableRandom(5);
        for (String group : new String[] {"a", "d"}) {
            for (int u = 0; u < usersPerGroup; u++) {
                List<Integer> seen = new ArrayList<>();
                while (seen.size() < viewsPerUser) {
                    int item = random.nextInt(itemsPerGenre);
                    if (!seen.contains(item)) {
                        seen.add(item);
                    }
                }
                for (int view = 0; view < seen.size(); view++) {
                    String user = group + "user" + u;
                    String item = group + seen.get(view);
                    pairs.add(new String[] {user, item});
                    for (int r = 0; r <= repeats; r++) {
                        interactions.append(user).append(',').append(item).append(',')
                                .append(1_700_000_000L + 3600L * (view + 10 * r)).append('\n');
                    }
                }
            }
        }
        for (int i = 0; i < itemsPerGenre; i++) {
            items.append('a').append(i).append(",Action\n").append('d').append(i).append(",Drama\n");
        }
    }

    TrainingData read() {
        return TrainingDataReader.read(DataSource.ofText("interactions.csv", interactions.toString()),
                Optional.of(DataSource.ofText("items.csv", items.toString())), Optional.empty(), DatasetSchemas.NONE);
    }

    /** The users who viewed {@code item}. */
    List<String> watchersOf(String item) {
        return pairs.stream().filter(p -> p[1].equals(item)).map(p -> p[0]).toList();
    }
}
