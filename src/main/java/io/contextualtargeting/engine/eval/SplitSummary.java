package io.contextualtargeting.engine.eval;

/** The sizes of a hold-out split, for reports. */
public record SplitSummary(int trainingInteractions, int heldOutInteractions, long cutoff, int users, int knownUsers) {

    static SplitSummary of(HoldOutSplit split) {
        return new SplitSummary(split.training().interactionCount(), split.heldOut().interactionCount(),
                split.cutoff(), split.training().userCount(), split.knownUsers());
    }
}
