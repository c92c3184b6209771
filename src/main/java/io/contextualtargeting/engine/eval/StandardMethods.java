package io.contextualtargeting.engine.eval;

import io.contextualtargeting.engine.data.TrainingData;
import io.contextualtargeting.engine.model.TrainingParameters;
import io.contextualtargeting.engine.segment.ScoringParameters;
import io.contextualtargeting.engine.segment.SegmentModelTrainer;
import java.util.List;

/** The engine and the baselines it is judged against, all trained on the same data. */
public final class StandardMethods {
    public static final String ENGINE = "engine";
    public static final String RECENT_HISTORY = "recent history";
    public static final String HISTORY = "history";
    public static final String MOST_ACTIVE = "most active";

    private StandardMethods() {
    }

    /**
     * The engine trained with {@code parameters} and {@code scoring}, then the baselines. Recent history
     * weighs interactions as training does, decaying with the engine's activity half-life (15 days by
     * default, the best half-life for this baseline on the synthetic data: 5, 10 and 30 days do worse).
     */
    public static List<ScoringMethod> train(TrainingData training, TrainingParameters parameters, ScoringParameters scoring) {
        return List.of(
                new ScoringMethod(ENGINE, SegmentModelTrainer.train(training, parameters, scoring)),
                new ScoringMethod(RECENT_HISTORY, MatchingHistory.weighted(training,
                        parameters.weighting().withRecencyHalfLifeDays(scoring.activityHalfLifeDays()))),
                new ScoringMethod(HISTORY, MatchingHistory.counted(training)),
                new ScoringMethod(MOST_ACTIVE, new MostActiveUsers(training)));
    }
}
