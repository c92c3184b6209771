package io.contextualtargeting.engine.segment;

import io.contextualtargeting.engine.model.ParameterException;

/**
 * How users' future activity is estimated when scores are calibrated: a user's activity is their
 * interactions weighted as in training but with recency half-life {@code activityHalfLifeDays},
 * shorter than the model's, because who is active now predicts who interacts next far better than
 * who was active months ago, while tastes are learnt best from a longer history.
 */
public record ScoringParameters(double activityHalfLifeDays) {

    public ScoringParameters {
        if (!(activityHalfLifeDays >= 0) || !Double.isFinite(activityHalfLifeDays)) {
            throw new ParameterException("activityHalfLifeDays", "must be 0 (no decay) or positive");
        }
    }

    /** Defaults measured on the synthetic datasets (see docs/engine.md). */
    public static ScoringParameters defaults() {
        return new ScoringParameters(15);
    }
}
