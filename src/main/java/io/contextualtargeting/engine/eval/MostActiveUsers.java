package io.contextualtargeting.engine.eval;

import io.contextualtargeting.engine.segment.UserScorer;
import io.contextualtargeting.formats.data.TrainingData;
import io.contextualtargeting.formats.query.SegmentQuery;

/** The "most active users" baseline: every query gets the users with the most training interactions. */
public final class MostActiveUsers implements UserScorer {
    private final int[] interactions;

    public MostActiveUsers(TrainingData training) {
        this.interactions = new int[training.userCount()];
        for (int i = 0; i < training.interactionCount(); i++) {
            interactions[training.user(i)]++;
        }
    }

    @Override
    public int userCount() {
        return interactions.length;
    }

    @Override
    public void score(SegmentQuery query, float[] scoresByUserIndex) {
        for (int u = 0; u < interactions.length; u++) {
            scoresByUserIndex[u] = interactions[u] == 0 ? Float.NEGATIVE_INFINITY : interactions[u];
        }
    }
}
