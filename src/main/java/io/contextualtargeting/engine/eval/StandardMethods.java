package io.contextualtargeting.engine.eval;

import io.contextualtargeting.engine.model.TrainingParameters;
import io.contextualtargeting.engine.segment.ExplicitSettings;
import io.contextualtargeting.engine.segment.SegmentModel;
import io.contextualtargeting.engine.segment.SegmentModelTrainer;
import io.contextualtargeting.formats.data.TrainingData;
import java.util.List;

/** The engine and the baselines a marketer would try first, all trained on the same data. */
public final class StandardMethods {
    public static final String ENGINE = "engine";
    public static final String RECENT_HISTORY = "recent history";
    public static final String HISTORY = "history";
    public static final String MOST_ACTIVE = "most active";
    public static final String LAST_ACTIVE = "last active";
    /** Half-life of the recent history baseline when the engine could not validate (no held-out period). */
    private static final double FALLBACK_RECENT_DAYS = 30;

    private StandardMethods() {
    }

    /**
     * The engine trained with {@code parameters} and {@code explicit}, then the baselines. Recent
     * history fades past interactions with a half-life equal to the engine's held-out period, the
     * time scale the engine validated on.
     */
    public static List<ScoringMethod> train(TrainingData training, TrainingParameters parameters, ExplicitSettings explicit) {
        SegmentModel engine = SegmentModelTrainer.train(training, parameters, explicit);
        double horizon = engine.selection().horizonDays();
        return List.of(
                new ScoringMethod(ENGINE, engine),
                new ScoringMethod(RECENT_HISTORY, MatchingHistory.weighted(training,
                        parameters.weighting().withRecencyHalfLifeDays(horizon > 0 ? horizon : FALLBACK_RECENT_DAYS))),
                new ScoringMethod(HISTORY, MatchingHistory.counted(training)),
                new ScoringMethod(MOST_ACTIVE, new MostActiveUsers(training)),
                new ScoringMethod(LAST_ACTIVE, new LastActiveUsers(training)));
    }
}
