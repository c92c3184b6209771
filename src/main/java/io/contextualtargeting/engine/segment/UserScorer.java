package io.contextualtargeting.engine.segment;

import io.contextualtargeting.formats.query.SegmentQuery;

/**
 * Scores every user for a query: the engine's model, and the baselines an evaluation compares it
 * with, behind one interface. Higher is more likely to interact.
 */
public interface UserScorer {

    /** Users are indices {@code 0..userCount()-1} of the training data. */
    int userCount();

    /**
     * Writes one score per user into {@code scoresByUserIndex} (length {@link #userCount()}); users
     * that cannot be ranked (no training interactions) get {@link Float#NEGATIVE_INFINITY}.
     *
     * @throws UnanswerableQueryException when the query names nothing the scorer knows
     */
    void score(SegmentQuery query, float[] scoresByUserIndex);

    /** The best {@code n} users, exactly, in descending score, ties to the lower user index. */
    default int[] topUsers(SegmentQuery query, int n) {
        float[] scores = new float[userCount()];
        score(query, scores);
        return TopUsers.select(scores, n);
    }
}
