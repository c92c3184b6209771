package io.contextualtargeting.embedded;

import io.contextualtargeting.engine.model.ConfidenceWeighting;
import io.contextualtargeting.engine.model.TrainingParameters;
import io.contextualtargeting.engine.segment.ExplicitSettings;
import io.contextualtargeting.engine.segment.SegmentModel;
import io.contextualtargeting.engine.segment.SegmentModelTrainer;
import io.contextualtargeting.formats.data.TrainingData;
import io.contextualtargeting.formats.query.QueryKind;
import io.contextualtargeting.ports.SolutionSettings.EmbeddedEngine;
import io.contextualtargeting.ports.SolutionSettings.EventParameters;
import io.contextualtargeting.ports.SolutionSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * What the embedded engine trains with: its parameters and the settings a user fixed. A solution's
 * settings apply on top of base parameters (seed, threads, defaults), as a Personalize solution's
 * config applies on top of the recipe's defaults.
 */
public record EngineTraining(TrainingParameters parameters, ExplicitSettings explicit) {

    public static EngineTraining defaults() {
        return new EngineTraining(TrainingParameters.defaults(), ExplicitSettings.none());
    }

    /**
     * {@code hidden_dimension} -> factors, {@code eventValueThreshold} -> minEventValue, each
     * {@code eventParametersList} entry -> its type's weight and threshold (types not listed weigh
     * {@code embeddedEngine.otherEventTypeWeight}, 1 when unset), and the {@code embeddedEngine}
     * block's iterations and half-lives.
     */
    public static EngineTraining of(TrainingParameters base, SolutionSettings settings) {
        EmbeddedEngine engine = settings.embeddedEngine();
        TrainingParameters parameters = base.withPersonalizeHyperparameters(settings.hyperparameters());
        if (engine.iterations() != null) {
            parameters = parameters.withIterations(engine.iterations());
        }
        return new EngineTraining(parameters.withWeighting(weighting(parameters.weighting(), settings)),
                new ExplicitSettings(optional(engine.recencyHalfLifeDays()), optional(engine.activityHalfLifeDays())));
    }

    private static ConfidenceWeighting weighting(ConfidenceWeighting base, SolutionSettings settings) {
        ConfidenceWeighting weighting = base;
        if (settings.eventValueThreshold() != null) {
            weighting = weighting.withMinEventValue(settings.eventValueThreshold().floatValue());
        }
        Map<String, Float> weights = new LinkedHashMap<>();
        Map<String, Float> minValues = new LinkedHashMap<>();
        for (EventParameters event : settings.eventParameters()) {
            if (event.weight() != null) {
                weights.put(event.eventType(), event.weight().floatValue());
            }
            if (event.eventValueThreshold() != null) {
                minValues.put(event.eventType(), event.eventValueThreshold().floatValue());
            }
        }
        Double other = settings.embeddedEngine().otherEventTypeWeight();
        if (!weights.isEmpty() || other != null) {
            weighting = weighting.withEventTypeWeights(weights, other == null ? weighting.otherEventTypeWeight() : other.floatValue());
        }
        return minValues.isEmpty() ? weighting : weighting.withEventTypeMinValues(minValues);
    }

    public SegmentModel train(TrainingData data) {
        return SegmentModelTrainer.train(data, parameters, explicit);
    }

    /** A model for queries of {@code kinds} only: the other kinds are not validated. */
    public SegmentModel train(TrainingData data, Set<QueryKind> kinds) {
        return SegmentModelTrainer.train(data, parameters, explicit, kinds);
    }

    private static OptionalDouble optional(Double value) {
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }
}
