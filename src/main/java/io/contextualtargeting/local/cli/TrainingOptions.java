package io.contextualtargeting.local.cli;

import io.contextualtargeting.engine.model.ConfidenceWeighting;
import io.contextualtargeting.engine.model.TrainingParameters;
import io.contextualtargeting.engine.segment.ExplicitSettings;
import io.contextualtargeting.formats.ParameterException;
import io.contextualtargeting.local.personalize.EngineTraining;
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

/**
 * The engine options {@code segment} and {@code evaluate} share. They apply on top of the settings
 * of the first solution of {@code --config} (its solutionConfig and embeddedEngine block), which
 * apply on top of the engine's defaults.
 */
final class TrainingOptions {
    static final String USAGE = "[--seed S] [--factors K] [--iterations N] [--threads T]"
            + " [--event-type-weights purchase=3,view=1[,*=W]] [--event-value-threshold X]"
            + " [--recency-half-life-days D] [--activity-half-life-days D]";
    /** The key of {@code --event-type-weights} that weighs the event types not listed (1 unless set). */
    static final String OTHER_TYPES = "*";

    private TrainingOptions() {
    }

    /** The settings of the config's first solution; none without a config. */
    static SolutionSettings fromConfig(Optional<Path> config) throws IOException {
        if (config.isEmpty()) {
            return SolutionSettings.none();
        }
        return new TrainingConfigParser().parse(config.get().toString(), Files.readString(config.get()))
                .solutions().get(0).settings();
    }

    static EngineTraining parse(CliArgs args, SolutionSettings configured) {
        EngineTraining base = EngineTraining.of(TrainingParameters.defaults(), configured);
        TrainingParameters defaults = base.parameters();
        TrainingParameters parameters = defaults.withSeed(args.longOption("seed", defaults.seed()));
        parameters = withInt(args, "factors", parameters, parameters.factors(), TrainingParameters::withFactors);
        parameters = withInt(args, "iterations", parameters, parameters.iterations(), TrainingParameters::withIterations);
        parameters = withInt(args, "threads", parameters, parameters.threads(), TrainingParameters::withThreads);
        parameters = parameters.withWeighting(weighting(args, parameters.weighting()));
        OptionalDouble recency = halfLife(args, "recency-half-life-days", base.explicit().recencyHalfLifeDays());
        OptionalDouble activity = halfLife(args, "activity-half-life-days", base.explicit().activityHalfLifeDays());
        return new EngineTraining(parameters, new ExplicitSettings(recency, activity));
    }

    private interface IntSetting {
        TrainingParameters with(TrainingParameters parameters, int value);
    }

    private static TrainingParameters withInt(CliArgs args, String option, TrainingParameters parameters, int current,
                                              IntSetting setting) {
        int value = args.intOption(option, current);
        return checked(option, () -> setting.with(parameters, value));
    }

    private static ConfidenceWeighting weighting(CliArgs args, ConfidenceWeighting configured) {
        ConfidenceWeighting weighting = configured;
        Optional<Double> threshold = args.doubleOption("event-value-threshold");
        if (threshold.isPresent()) {
            weighting = weighting.withMinEventValue(threshold.get().floatValue());
        }
        Optional<String> weights = args.option("event-type-weights");
        if (weights.isPresent()) {
            Map<String, Float> merged = new LinkedHashMap<>(weighting.eventTypeWeights());
            merged.putAll(eventTypeWeights(weights.get()));
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
                throw new CliArgs.UsageException("option --event-type-weights expects distinct TYPE=WEIGHT pairs with"
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

    private static OptionalDouble halfLife(CliArgs args, String option, OptionalDouble configured) {
        Optional<Double> days = args.doubleOption(option);
        if (days.isPresent() && days.get() < 0) {
            throw new CliArgs.UsageException("option --" + option + " expects 0 (no decay) or a positive number of days, got "
                    + days.get());
        }
        return days.map(OptionalDouble::of).orElse(configured);
    }

    /** Applies a setting; a value out of its range is a usage error naming the option. */
    private static <T> T checked(String option, Supplier<T> apply) {
        try {
            return apply.get();
        } catch (ParameterException e) {
            throw new CliArgs.UsageException("option --" + option + " " + e.problem());
        }
    }
}
