package io.contextualtargeting.engine.eval;

import io.contextualtargeting.engine.segment.UserScorer;
import io.contextualtargeting.formats.data.TrainingData;
import io.contextualtargeting.formats.query.SegmentQuery;
import java.util.Arrays;

/** The "last active" baseline: every query gets the users whose latest training interaction is the most recent. */
public final class LastActiveUsers implements UserScorer {
    private final long[] latest;
    private final long newest;

    public LastActiveUsers(TrainingData training) {
        this.latest = new long[training.userCount()];
        Arrays.fill(latest, Long.MIN_VALUE);
        long max = Long.MIN_VALUE;
        for (int i = 0; i < training.interactionCount(); i++) {
            latest[training.user(i)] = Math.max(latest[training.user(i)], training.timestamp(i));
            max = Math.max(max, training.timestamp(i));
        }
        this.newest = max;
    }

    @Override
    public int userCount() {
        return latest.length;
    }

    @Override
    public void score(SegmentQuery query, float[] scoresByUserIndex) {
        for (int u = 0; u < latest.length; u++) {
            // seconds before the newest interaction, negated: a float holds them exactly for 194 days, closely after
            scoresByUserIndex[u] = latest[u] == Long.MIN_VALUE ? Float.NEGATIVE_INFINITY : -(float) (newest - latest[u]);
        }
    }
}
