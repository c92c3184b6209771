package io.contextualtargeting.ports;

import java.util.List;
import java.util.Map;

/**
 * How one solution trains, as the training config's solution states it: the members of
 * Personalize's {@code solutionConfig} the pipeline passes on ({@code algorithmHyperParameters},
 * {@code eventValueThreshold}, {@code eventsConfig.eventParametersList}) and the embedded engine's
 * own settings, which Personalize has no equivalent for and ignores. A null value is left to the
 * service's default.
 *
 * @param eventValueThreshold rows whose EVENT_VALUE is below it are left out of training
 */
public record SolutionSettings(Map<String, String> hyperparameters, Double eventValueThreshold,
                               List<EventParameters> eventParameters, EmbeddedEngine embeddedEngine) {

    public SolutionSettings {
        hyperparameters = hyperparameters == null ? Map.of() : Map.copyOf(hyperparameters);
        eventParameters = eventParameters == null ? List.of() : List.copyOf(eventParameters);
        embeddedEngine = embeddedEngine == null ? EmbeddedEngine.NONE : embeddedEngine;
    }

    /** Every setting left to the service's defaults. */
    public static SolutionSettings none() {
        return new SolutionSettings(Map.of(), null, List.of(), EmbeddedEngine.NONE);
    }

    /** Only the recipe's hyperparameters (e.g. {@code hidden_dimension}). */
    public static SolutionSettings ofHyperparameters(Map<String, String> hyperparameters) {
        return new SolutionSettings(hyperparameters, null, List.of(), EmbeddedEngine.NONE);
    }

    /**
     * Personalize's {@code EventParameters}: rows of {@code eventType} count with {@code weight}
     * (0 to 1) and only when their EVENT_VALUE is at least {@code eventValueThreshold}.
     */
    public record EventParameters(String eventType, Double eventValueThreshold, Double weight) {
    }

    /**
     * The {@code embeddedEngine} block: settings Personalize lacks. Half-lives in days (0: no decay);
     * {@code otherEventTypeWeight} is the weight of event types {@code eventParametersList} does not name.
     */
    public record EmbeddedEngine(Double recencyHalfLifeDays, Double activityHalfLifeDays, Integer iterations,
                                 Double otherEventTypeWeight) {
        public static final EmbeddedEngine NONE = new EmbeddedEngine(null, null, null, null);
    }
}
