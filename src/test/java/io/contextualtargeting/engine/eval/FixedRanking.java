package io.contextualtargeting.engine.eval;

import io.contextualtargeting.engine.segment.UserScorer;
import io.contextualtargeting.formats.data.TrainingData;
import io.contextualtargeting.formats.query.SegmentQuery;

/** A scorer for evaluation tests whose ranking is written out: the same for every query. */
final class FixedRanking {

    private FixedRanking() {
    }

    /** Ranks the named users first, in order, then every other known user of {@code split} by ascending index. */
    static UserScorer of(TrainingData data, HoldOutSplit split, String... first) {
        return new UserScorer() {
            @Override
            public int userCount() {
                return data.userCount();
            }

            @Override
            public void score(SegmentQuery query, float[] scores) {
                for (int u = 0; u < scores.length; u++) {
                    scores[u] = split.isKnown(u) ? -1000 - u : Float.NEGATIVE_INFINITY;
                }
                for (int rank = 0; rank < first.length; rank++) {
                    scores[data.users().indexOf(first[rank])] = -rank;
                }
            }
        };
    }
}
