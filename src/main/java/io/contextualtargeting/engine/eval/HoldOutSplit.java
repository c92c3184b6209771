package io.contextualtargeting.engine.eval;

import io.contextualtargeting.formats.data.TrainingData;

/**
 * A time-based hold-out: the interactions before a cutoff TIMESTAMP to train on, those at or after
 * it to test against. The cutoff is the timestamp of the interaction at the train share of the
 * data in time order, so with distinct timestamps exactly that share trains (interactions sharing
 * the cutoff second all go to the test side). Both sides keep the full data's user and item indices.
 */
public final class HoldOutSplit {
    private final TrainingData training;
    private final TrainingData heldOut;
    private final long cutoff;
    private final boolean[] known;
    private final int knownUsers;

    private HoldOutSplit(TrainingData training, TrainingData heldOut, long cutoff) {
        this.training = training;
        this.heldOut = heldOut;
        this.cutoff = cutoff;
        this.known = new boolean[training.userCount()];
        for (int i = 0; i < training.interactionCount(); i++) {
            known[training.user(i)] = true;
        }
        int count = 0;
        for (boolean k : known) {
            count += k ? 1 : 0;
        }
        this.knownUsers = count;
    }

    /**
     * @param trainShare the share of interactions, in time order, to train on (0.8 in the definition)
     * @throws EvaluationException when the data has no interaction before, or none after, the cutoff
     */
    public static HoldOutSplit byTime(TrainingData data, double trainShare) {
        if (!(trainShare > 0 && trainShare < 1)) {
            throw new IllegalArgumentException("trainShare must be between 0 and 1, got " + trainShare);
        }
        int n = data.interactionCount();
        long cutoff = data.timestampAtShare(trainShare);
        TrainingData training = data.select(i -> data.timestamp(i) < cutoff);
        if (training.interactionCount() == 0) {
            throw new EvaluationException("interactions", "TIMESTAMP", "no interaction is older than the last "
                    + Math.round(100 * (1 - trainShare)) + " % of them (" + n + " interactions, cutoff " + cutoff
                    + "); a time-based evaluation needs interactions spread over time");
        }
        return new HoldOutSplit(training, data.select(i -> data.timestamp(i) >= cutoff), cutoff);
    }

    /** What methods train on. */
    public TrainingData training() {
        return training;
    }

    /** What the segments are checked against. */
    public TrainingData heldOut() {
        return heldOut;
    }

    /** The first second of the test period. */
    public long cutoff() {
        return cutoff;
    }

    /** Whether the user has training interactions, i.e. can be in a segment at all. */
    public boolean isKnown(int user) {
        return known[user];
    }

    /** Users with training interactions: segment sizes are shares of them. */
    public int knownUsers() {
        return knownUsers;
    }

    /** Users {@code share} of the known users make (rounded half up), at least 1. */
    public int segmentSize(double share) {
        return (int) Math.max(1, Math.round(share * knownUsers));
    }
}
