package io.contextualtargeting.engine.eval;

import io.contextualtargeting.engine.segment.MatchingItems;
import io.contextualtargeting.engine.segment.TopUsers;
import io.contextualtargeting.engine.segment.UnanswerableQueryException;
import io.contextualtargeting.formats.data.TrainingData;
import io.contextualtargeting.formats.query.SegmentQuery;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Scores methods on a time-based hold-out. For each query, the positives are the users with
 * training interactions who have a held-out interaction with a matching item (the item, or an item
 * having every attribute value); a method's hits at segment size K are the positives among its top
 * K users. Queries without a positive, and queries a method cannot answer (e.g. an item first seen
 * in the test period), are skipped for every method and listed.
 */
public final class HoldOutEvaluator {
    /** Segment sizes, as shares of the users with training interactions: 0.5 % to 20 %. */
    public static final double[] SHARES = {0.005, 0.01, 0.02, 0.03, 0.05, 0.075, 0.10, 0.15, 0.20};

    private HoldOutEvaluator() {
    }

    public static Evaluation evaluate(HoldOutSplit split, List<SegmentQuery> queries, List<ScoringMethod> methods) {
        int[] sizes = new int[SHARES.length];
        for (int f = 0; f < SHARES.length; f++) {
            sizes[f] = split.segmentSize(SHARES[f]);
        }
        List<QueryOutcome> outcomes = new ArrayList<>();
        List<SkippedQuery> skipped = new ArrayList<>();
        float[] scores = new float[split.training().userCount()];
        for (SegmentQuery query : queries) {
            try {
                boolean[] positive = positives(split, query);
                int count = 0;
                for (boolean p : positive) {
                    count += p ? 1 : 0;
                }
                if (count == 0) {
                    skipped.add(new SkippedQuery(query, "no user with training interactions has a matching"
                            + " interaction in the test period"));
                    continue;
                }
                List<int[]> hits = new ArrayList<>();
                List<int[]> segments = new ArrayList<>();
                int overlapSize = split.segmentSize(Evaluation.OVERLAP_SHARE);
                for (ScoringMethod method : methods) {
                    method.scorer().score(query, scores);
                    int[] ranked = TopUsers.select(scores, sizes[sizes.length - 1]);
                    hits.add(hitsAtEachSize(ranked, positive, sizes));
                    int[] segment = Arrays.copyOf(ranked, Math.min(ranked.length, overlapSize));
                    Arrays.sort(segment);
                    segments.add(segment);
                }
                outcomes.add(new QueryOutcome(query, count, hits, segments));
            } catch (UnanswerableQueryException e) {
                skipped.add(new SkippedQuery(query, e.problem()));
            }
        }
        return new Evaluation(SplitSummary.of(split), SHARES.clone(), sizes,
                methods.stream().map(ScoringMethod::name).toList(), outcomes, skipped);
    }

    /** The users with training interactions who have a held-out interaction with an item the query matches. */
    static boolean[] positives(HoldOutSplit split, SegmentQuery query) {
        TrainingData test = split.heldOut();
        boolean[] matching = MatchingItems.mask(MatchingItems.of(query, test.items(), test.attributes()), test.itemCount());
        boolean[] positive = new boolean[test.userCount()];
        for (int i = 0; i < test.interactionCount(); i++) {
            if (matching[test.item(i)] && split.isKnown(test.user(i))) {
                positive[test.user(i)] = true;
            }
        }
        return positive;
    }

    private static int[] hitsAtEachSize(int[] ranked, boolean[] positive, int[] sizes) {
        int[] hits = new int[sizes.length];
        int found = 0;
        int f = 0;
        for (int rank = 0; rank < ranked.length && f < sizes.length; rank++) {
            found += positive[ranked[rank]] ? 1 : 0;
            while (f < sizes.length && rank + 1 == sizes[f]) {
                hits[f++] = found;
            }
        }
        while (f < sizes.length) {
            hits[f++] = found; // fewer users were ranked than the segment size
        }
        return hits;
    }
}
