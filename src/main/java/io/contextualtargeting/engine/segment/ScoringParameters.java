package io.contextualtargeting.engine.segment;

/**
 * How a query's target items turn into one score per user. The target of an attribute query is
 * the set of matching items, each weighted by {@code popularity^popularityExponent} (0: a plain
 * mean; 1: as likely as the data makes each item). A user's score is their predicted preference
 * for that weighted mix of items plus {@code historyWeight * log(1 + h)}, where {@code h} is the
 * user's own past interactions with the target items, weighted as in training (recent ones count
 * more) and scaled by alpha. The history weight is set per query kind: on the synthetic data,
 * history helps attribute queries a lot and hurts item queries (repeat views are rare there).
 */
public record ScoringParameters(float popularityExponent, float itemHistoryWeight, float attributeHistoryWeight) {

    /** Defaults measured on the synthetic datasets (see docs/engine.md). */
    public static ScoringParameters defaults() {
        return new ScoringParameters(1f, 0f, 0.5f);
    }
}
