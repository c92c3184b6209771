package io.contextualtargeting.engine.segment;

import io.contextualtargeting.formats.data.ColumnRole;
import io.contextualtargeting.formats.data.ItemColumn;
import io.contextualtargeting.formats.data.TrainingData;
import io.contextualtargeting.formats.query.AttributeQuery;
import io.contextualtargeting.formats.query.AttributeTerm;
import io.contextualtargeting.formats.query.ItemQuery;
import io.contextualtargeting.formats.query.SegmentQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * Queries to evaluate when nobody wrote any (solution metrics, benchmarks), chosen from the training
 * data only: items spread evenly over the popularity ranks, and the values of the categorical
 * columns (genres, brands) that several items share, most interacted first.
 */
public final class QuerySample {

    private QuerySample() {
    }

    /** {@code count} items at evenly spaced ranks of training interactions, from the most popular to the least. */
    public static List<SegmentQuery> items(TrainingData training, int count) {
        return items(training, count, item -> true);
    }

    /** As {@link #items(TrainingData, int)}, among the items (indexes in {@code training}) that are {@code eligible}. */
    public static List<SegmentQuery> items(TrainingData training, int count, IntPredicate eligible) {
        int[] interactions = interactionsPerItem(training);
        int[] ranked = IntStream.range(0, interactions.length).filter(i -> interactions[i] > 0 && eligible.test(i)).boxed()
                .sorted(Comparator.<Integer>comparingInt(i -> -interactions[i]).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
        List<SegmentQuery> queries = new ArrayList<>();
        int n = Math.min(count, ranked.length);
        for (int k = 0; k < n; k++) {
            int rank = n == 1 ? 0 : (int) ((long) k * (ranked.length - 1) / (n - 1));
            queries.add(new ItemQuery(training.items().id(ranked[rank])));
        }
        return queries;
    }

    /**
     * Up to {@code max} one-term queries on categorical columns (or, when the items have none, on the
     * other queryable columns), one per value at least two items have, most interacted first.
     */
    public static List<SegmentQuery> attributes(TrainingData training, int max) {
        List<ItemColumn> columns = training.attributes().columns().all().stream()
                .filter(c -> c.role() == ColumnRole.CATEGORICAL).toList();
        if (columns.isEmpty()) {
            columns = training.attributes().columns().all().stream().filter(ItemColumn::isQueryable).toList();
        }
        int[] interactions = interactionsPerItem(training);
        record Candidate(AttributeTerm term, long interactions) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (ItemColumn column : columns) {
            for (String value : training.attributes().values(column.name())) {
                int[] items = training.attributes().itemsWith(column.name(), value);
                long count = 0;
                for (int item : items) {
                    count += interactions[item];
                }
                if (items.length >= 2 && count > 0) {
                    candidates.add(new Candidate(new AttributeTerm(column.name(), value), count));
                }
            }
        }
        return candidates.stream()
                .sorted(Comparator.comparingLong((Candidate c) -> -c.interactions())
                        .thenComparing(c -> c.term().column()).thenComparing(c -> c.term().value()))
                .limit(max)
                .<SegmentQuery>map(c -> new AttributeQuery(expression(c.term()), List.of(c.term())))
                .toList();
    }

    private static int[] interactionsPerItem(TrainingData training) {
        int[] interactions = new int[training.itemCount()];
        for (int i = 0; i < training.interactionCount(); i++) {
            interactions[training.item(i)]++;
        }
        return interactions;
    }

    private static String expression(AttributeTerm term) {
        return "ITEMS." + term.column() + " = \"" + term.value().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
