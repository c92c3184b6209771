package io.contextualtargeting.engine.bench;

import io.contextualtargeting.formats.data.Ids;
import io.contextualtargeting.formats.data.ItemAttributes;
import io.contextualtargeting.formats.data.TrainingData;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * An in-memory interaction matrix with the skew of real data, for timing only: item popularity
 * follows a Zipf law (exponent 1), user activity a log-normal law (sigma 1), timestamps are spread
 * over one year. It has no planted tastes; data files for quality checks come from the
 * {@code generate} command.
 */
public final class SyntheticInteractions {
    private static final long START = 1_700_000_000L;
    private static final long YEAR = 365L * 86_400;

    private SyntheticInteractions() {
    }

    public static TrainingData create(int users, int items, int interactions, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] popularity = new double[items];
        for (int i = 0; i < items; i++) {
            popularity[i] = 1.0 / (i + 1);
        }
        double[] itemCumulative = cumulative(popularity);
        double[] activity = new double[users];
        for (int u = 0; u < users; u++) {
            activity[u] = Math.exp(random.nextGaussian());
        }
        double[] userCumulative = cumulative(activity);
        int[] userOf = new int[interactions];
        int[] itemOf = new int[interactions];
        long[] timestamps = new long[interactions];
        for (int n = 0; n < interactions; n++) {
            userOf[n] = sample(userCumulative, random.nextDouble());
            itemOf[n] = sample(itemCumulative, random.nextDouble());
            timestamps[n] = START + random.nextLong(YEAR);
        }
        // ids follow first appearance, as the readers assign them; names are shuffled item numbers
        int[] userIndex = new int[users];
        int[] itemIndex = new int[items];
        Arrays.fill(userIndex, -1);
        Arrays.fill(itemIndex, -1);
        String[] userNames = new String[users];
        String[] itemNames = new String[items];
        int seenUsers = 0;
        int seenItems = 0;
        for (int n = 0; n < interactions; n++) {
            if (userIndex[userOf[n]] < 0) {
                userNames[seenUsers] = "u" + userOf[n];
                userIndex[userOf[n]] = seenUsers++;
            }
            if (itemIndex[itemOf[n]] < 0) {
                itemNames[seenItems] = "i" + itemOf[n];
                itemIndex[itemOf[n]] = seenItems++;
            }
            userOf[n] = userIndex[userOf[n]];
            itemOf[n] = itemIndex[itemOf[n]];
        }
        return new TrainingData(Ids.of(Arrays.copyOf(userNames, seenUsers)), Ids.of(Arrays.copyOf(itemNames, seenItems)),
                0, userOf, itemOf, timestamps, null, null, List.of(), ItemAttributes.empty());
    }

    private static double[] cumulative(double[] weights) {
        double[] c = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            c[i] = sum;
        }
        for (int i = 0; i < c.length; i++) {
            c[i] /= sum;
        }
        return c;
    }

    private static int sample(double[] cumulative, double u) {
        int index = Arrays.binarySearch(cumulative, u);
        return Math.min(cumulative.length - 1, index >= 0 ? index : -index - 1);
    }
}
