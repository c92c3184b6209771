package io.contextualtargeting.local.cli;

import io.contextualtargeting.engine.model.ConfidenceWeighting;
import io.contextualtargeting.engine.model.TrainingParameters;
import io.contextualtargeting.engine.segment.ExplicitSettings;
import io.contextualtargeting.formats.ParameterException;
import io.contextualtargeting.embedded.EngineTraining;
import io.contextualtargeting.ports.SolutionSettings;
import io.contextualtargeting.workflow.training.TrainingConfigParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * The engine options {@code segment} and {@code evaluate} share (a picocli mixin). They apply on top
 * of the settings of the first solution of {@code --config} (its solutionConfig and embeddedEngine
 * block), which apply on top of the engine's defaults; an option left out keeps those.
 */
final class TrainingOptions {
    /** The key of {@code --event-type-weights} that weighs the event types not listed (1 unless set). */
    static final String OTHER_TYPES = "*";
    private static final TrainingParameters DEFAULTS = TrainingParameters.defaults();

    @Option(names = "--seed", paramLabel = "S", description = "Random seed of the training; the same seed, data and"
            + " settings give the same segments. Default: 42.")
    Long seed;

    @Option(names = "--factors", paramLabel = "K", description = "Latent factors of the model (1 to 1024). Default: the"
            + " config's hidden_dimension, else 64.")
    Integer factors;

    @Option(names = "--iterations", paramLabel = "N", description = "Training iterations. Default: the config's"
            + " embeddedEngine.iterations, else 10.")
    Integer iterations;

    @Option(names = "--threads", paramLabel = "T", description = "Training threads. Default: the number of processors.")
    Integer threads;

    @Option(names = "--event-type-weights", paramLabel = "TYPE=W[,TYPE=W...]", description = "Weight >= 0 of each"
            + " EVENT_TYPE, such as purchase=3,view=1; *=W weighs the types not listed (default 1). Default: the config's"
            + " eventsConfig, else every type 1.")
    String eventTypeWeights;

    @Option(names = "--event-value-threshold", paramLabel = "X", description = "Ignore interactions whose EVENT_VALUE is"
            + " below X. Default: the config's eventValueThreshold, else none.")
    Double eventValueThreshold;

    @Option(names = "--recency-half-life-days", paramLabel = "D", description = "How fast old interactions fade:"
            + " half-life in days, 0 for no decay. Default: the config's, else chosen from the data by validation.")
    Double recencyHalfLifeDays;

    @Option(names = "--activity-half-life-days", paramLabel = "D", description = "Half-life in days of \"who is active"
            + " now\", 0 for none. Default: the config's, else chosen from the data by validation.")
    Double activityHalfLifeDays;

    /** The settings of the config's first solution; none without a config. */
    static SolutionSettings fromConfig(Optional<Path> config) throws IOException {
        if (config.isEmpty()) {
            return SolutionSettings.none();
        }
        return new TrainingConfigParser().parse(config.get().toString(), Files.readString(config.get()))
                .solutions().get(0).settings();
    }

    /** The options given, on top of {@code configured}; a value out of range is a usage error naming its option. */
    EngineTraining training(SolutionSettings configured) {
        EngineTraining base = EngineTraining.of(DEFAULTS, configured);
        TrainingParameters parameters = base.parameters();
        if (seed != null) {
            parameters = parameters.withSeed(seed);
        }
        parameters = withInt("factors", factors, parameters, TrainingParameters::withFactors);
        parameters = withInt("iterations", iterations, parameters, TrainingParameters::withIterations);
        parameters = withInt("threads", threads, parameters, TrainingParameters::withThreads);
        parameters = parameters.withWeighting(weighting(parameters.weighting()));
        OptionalDouble recency = halfLife("recency-half-life-days", recencyHalfLifeDays,
                base.explicit().recencyHalfLifeDays());
        OptionalDouble activity = halfLife("activity-half-life-days", activityHalfLifeDays,
                base.explicit().activityHalfLifeDays());
        return new EngineTraining(parameters, new ExplicitSettings(recency, activity));
    }

    private interface IntSetting {
        TrainingParameters with(TrainingParameters parameters, int value);
    }

    private static TrainingParameters withInt(String option, Integer value, TrainingParameters parameters,
                                              IntSetting setting) {
        return value == null ? parameters : checked(option, () -> setting.with(parameters, value));
    }

    private ConfidenceWeighting weighting(ConfidenceWeighting configured) {
        ConfidenceWeighting weighting = configured;
        if (eventValueThreshold != null) {
            weighting = weighting.withMinEventValue((float) finite("event-value-threshold", eventValueThreshold));
        }
        if (eventTypeWeights != null) {
            Map<String, Float> merged = new LinkedHashMap<>(weighting.eventTypeWeights());
            merged.putAll(eventTypeWeights(eventTypeWeights));
            Float other = merged.remove(OTHER_TYPES);
            weighting = weighting.withEventTypeWeights(merged, other == null ? weighting.otherEventTypeWeight() : other);
        }
        return weighting;
    }

    /** {@code purchase=3,view=1,*=0.5}: a weight >= 0 per EVENT_TYPE, {@code *} for the types not listed. */
    static Map<String, Float> eventTypeWeights(String text) {
        Map<String, Float> weights = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            int eq = pair.indexOf('=');
            String type = eq < 0 ? "" : pair.substring(0, eq).trim();
            Float weight = eq < 0 ? null : weight(pair.substring(eq + 1).trim());
            if (type.isEmpty() || weight == null || weights.put(type, weight) != null) {
                throw new UsageException("option --event-type-weights expects distinct TYPE=WEIGHT pairs with"
                        + " weights >= 0, such as purchase=3,view=1 (*=W weighs the types not listed), got '" + pair + "'");
            }
        }
        return weights;
    }

    private static Float weight(String text) {
        try {
            float value = Float.parseFloat(text);
            return Float.isFinite(value) && value >= 0 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static OptionalDouble halfLife(String option, Double days, OptionalDouble configured) {
        if (days == null) {
            return configured;
        }
        if (finite(option, days) < 0) {
            throw new UsageException("option --" + option + " expects 0 (no decay) or a positive number of days, got "
                    + days);
        }
        return OptionalDouble.of(days);
    }

    private static double finite(String option, double value) {
        if (!Double.isFinite(value)) {
            throw new UsageException("option --" + option + " expects a number, got '" + value + "'");
        }
        return value;
    }

    /** Applies a setting; a value out of its range is a usage error naming the option. */
    private static <T> T checked(String option, Supplier<T> apply) {
        try {
            return apply.get();
        } catch (ParameterException e) {
            throw new UsageException("option --" + option + " " + e.problem());
        }
    }
}
