package io.contextualtargeting.engine.eval;

import io.contextualtargeting.engine.generate.PlantedChances;
import io.contextualtargeting.engine.generate.SyntheticWorld;
import io.contextualtargeting.engine.segment.MatchingItems;
import io.contextualtargeting.engine.segment.UserScorer;
import io.contextualtargeting.formats.data.TrainingData;
import io.contextualtargeting.formats.query.SegmentQuery;
import java.util.Arrays;

/**
 * Ranks the users of generated data by how often the generator's planted behaviour expects them to
 * choose a query's items after the split ({@link PlantedChances}): knowledge no method has, so its
 * recall is the ceiling of what the data allows. Users and items are the generator's (USER_ID and
 * ITEM_ID are index + 1).
 */
final class PlantedScorer implements UserScorer {
    private final TrainingData training;
    private final PlantedChances chances;
    private final long from;
    private final long until;
    /** Per training user, the catalog indices they had before the split; null for users without training rows. */
    private final int[][] had;
    /** Per training user, the generator's user index. */
    private final int[] profiles;

    PlantedScorer(SyntheticWorld world, HoldOutSplit split) {
        this.training = split.training();
        this.chances = new PlantedChances(world);
        this.from = split.cutoff();
        this.until = world.period().end();
        int[] counts = new int[training.userCount()];
        for (int i = 0; i < training.interactionCount(); i++) {
            counts[training.user(i)]++;
        }
        this.profiles = new int[training.userCount()];
        this.had = new int[training.userCount()][];
        int[] filled = new int[training.userCount()];
        for (int u = 0; u < had.length; u++) {
            had[u] = counts[u] == 0 ? null : new int[counts[u]];
            profiles[u] = generatorIndex(training.users().id(u));
        }
        for (int i = 0; i < training.interactionCount(); i++) {
            int u = training.user(i);
            had[u][filled[u]++] = generatorIndex(training.items().id(training.item(i)));
        }
    }

    @Override
    public int userCount() {
        return training.userCount();
    }

    @Override
    public void score(SegmentQuery query, float[] scoresByUserIndex) {
        int[] items = Arrays.stream(MatchingItems.of(query, training.items(), training.attributes()))
                .map(item -> generatorIndex(training.items().id(item))).toArray();
        for (int u = 0; u < had.length; u++) {
            scoresByUserIndex[u] = had[u] == null ? Float.NEGATIVE_INFINITY
                    : (float) chances.expectedChoices(profiles[u], items, had[u], from, until);
        }
    }

    /** The generator's 0-based index of a USER_ID or ITEM_ID. */
    private static int generatorIndex(String id) {
        return Integer.parseInt(id) - 1;
    }
}
