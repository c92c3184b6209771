package io.contextualtargeting.bench.sparkals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * A time-based split inside train.csv, made as the engine's HoldOutSplit.byTime makes the outer one:
 * the cutoff is the timestamp at the train share of the rows in time order, rows before it fit, rows at
 * or after it validate. The validation queries are the export's query items (chosen from training data,
 * not from the test); their positives are the users with fitting rows who have a validating row on the
 * item. Items without positives, or without a fitting row of positive weight, are left out.
 */
record Validation(Rows fit, Map<Integer, int[]> positives, int[] sizes) {

    static Validation of(ExportedSplit split, double trainShare) {
        Rows rows = split.train();
        long[] times = rows.timestamps().clone();
        Arrays.sort(times);
        long cutoff = times[Math.min(times.length - 1, (int) Math.floor(trainShare * times.length))];
        Rows fit = rows.select(i -> rows.timestamps()[i] < cutoff);
        Rows validating = rows.select(i -> rows.timestamps()[i] >= cutoff);
        boolean[] known = fit.knownUsers(rows.userCount());
        boolean[] trained = new boolean[rows.itemCount()];
        for (int i = 0; i < fit.size(); i++) {
            trained[fit.items()[i]] |= fit.weights()[i] > 0;
        }
        Map<Integer, TreeSet<Integer>> byItem = new LinkedHashMap<>();
        split.positives().keySet().forEach(item -> byItem.put(item, new TreeSet<>()));
        for (int i = 0; i < validating.size(); i++) {
            TreeSet<Integer> users = byItem.get(validating.items()[i]);
            if (users != null && known[validating.users()[i]]) {
                users.add(validating.users()[i]);
            }
        }
        Map<Integer, int[]> positives = new LinkedHashMap<>();
        byItem.forEach((item, users) -> {
            if (!users.isEmpty() && item < trained.length && trained[item]) {
                positives.put(item, users.stream().mapToInt(Integer::intValue).toArray());
            }
        });
        if (positives.isEmpty()) {
            throw new ExportedSplit.BadInput(split.setting() + ": no query item has a positive in the latest "
                    + Math.round(100 * (1 - trainShare)) + " % of train.csv: nothing to tune on");
        }
        int knownUsers = 0;
        for (boolean k : known) {
            knownUsers += k ? 1 : 0;
        }
        int[] sizes = new int[ItemRecall.SHARES.length];
        for (int f = 0; f < sizes.length; f++) {
            sizes[f] = ItemRecall.segmentSize(ItemRecall.SHARES[f], knownUsers);
        }
        return new Validation(fit, positives, sizes);
    }
}
