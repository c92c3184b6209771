package io.contextualtargeting.workflow.training;

import com.fasterxml.jackson.databind.JsonNode;
import io.contextualtargeting.formats.ParameterException;
import io.contextualtargeting.formats.PersonalizeHyperparameters;
import io.contextualtargeting.ports.SolutionSettings.EmbeddedEngine;
import io.contextualtargeting.ports.SolutionSettings.EventParameters;
import io.contextualtargeting.ports.SolutionSettings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Reads and checks the training settings of one solution of a training config: under
 * {@code serviceConfig.solutionConfig} the members Personalize knows by these names
 * ({@code algorithmHyperParameters}, {@code eventValueThreshold}, {@code eventsConfig.eventParametersList}),
 * and the {@code embeddedEngine} block of settings Personalize lacks. Each bad value is one problem
 * at its path; Personalize would refuse most of them only when the solution is created.
 */
final class SolutionSettingsParser {
    /** Personalize's limit on {@code eventParametersList}. */
    static final int MAX_EVENT_PARAMETERS = 10;
    static final int MAX_ITERATIONS = 100;
    private static final Set<String> ENGINE_KEYS = Set.of("recencyHalfLifeDays", "activityHalfLifeDays", "iterations",
            "otherEventTypeWeight");

    private static final Range ANY = new Range(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    private static final Range NOT_NEGATIVE = new Range(0, Double.POSITIVE_INFINITY);
    /** Personalize's EventTypeWeight. */
    private static final Range WEIGHT = new Range(0, 1);

    private final JsonNode root;
    private final BiConsumer<String, String> problems;

    /** @param problems receives (path, problem) for every bad value */
    SolutionSettingsParser(JsonNode root, BiConsumer<String, String> problems) {
        this.root = root;
        this.problems = problems;
    }

    /** @param solutionPath e.g. {@code solutions[0]} */
    SolutionSettings parse(String solutionPath) {
        String config = solutionPath + ".serviceConfig.solutionConfig";
        return new SolutionSettings(hyperparameters(config + ".algorithmHyperParameters"),
                number(config + ".eventValueThreshold", ANY, "a number", true),
                eventParameters(config + ".eventsConfig.eventParametersList"),
                embeddedEngine(solutionPath + ".embeddedEngine"));
    }

    private Map<String, String> hyperparameters(String path) {
        Map<String, String> values = new LinkedHashMap<>();
        TrainingConfigParser.at(root, path).fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
        try {
            PersonalizeHyperparameters.hiddenDimension(values);
        } catch (ParameterException e) {
            problems.accept(path + "." + e.field(), e.problem());
        }
        return values;
    }

    private List<EventParameters> eventParameters(String path) {
        JsonNode list = TrainingConfigParser.at(root, path);
        List<EventParameters> parameters = new ArrayList<>();
        if (list.isMissingNode()) {
            return parameters;
        }
        if (!list.isArray() || list.size() > MAX_EVENT_PARAMETERS) {
            problems.accept(path, "a list of at most " + MAX_EVENT_PARAMETERS + " {\"eventType\": ..., \"weight\": 0 to 1,"
                    + " \"eventValueThreshold\": ...} objects");
            return parameters;
        }
        Set<String> types = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String entry = path + "[" + i + "]";
            JsonNode type = list.get(i).path("eventType");
            if (!type.isTextual() || type.asText().isEmpty()) {
                problems.accept(entry + ".eventType", "missing: the EVENT_TYPE these parameters apply to, e.g. \"purchase\"");
            } else if (!types.add(type.asText())) {
                problems.accept(entry + ".eventType", "'" + type.asText() + "' is listed more than once");
            }
            Double threshold = number(entry + ".eventValueThreshold", ANY, "a number", false);
            Double weight = number(entry + ".weight", WEIGHT, "a number from 0 to 1 (Personalize's range)", false);
            parameters.add(new EventParameters(type.asText(), threshold, weight));
        }
        return parameters;
    }

    private EmbeddedEngine embeddedEngine(String path) {
        JsonNode block = TrainingConfigParser.at(root, path);
        if (block.isMissingNode()) {
            return EmbeddedEngine.NONE;
        }
        if (!block.isObject()) {
            problems.accept(path, "an object with any of " + String.join(", ", sorted(ENGINE_KEYS)));
            return EmbeddedEngine.NONE;
        }
        for (Iterator<String> it = block.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!ENGINE_KEYS.contains(key)) {
                problems.accept(path + "." + key, "unknown setting; the embedded engine takes " + String.join(", ", sorted(ENGINE_KEYS)));
            }
        }
        return new EmbeddedEngine(
                number(path + ".recencyHalfLifeDays", NOT_NEGATIVE, "a number of days >= 0 (0: no decay)", false),
                number(path + ".activityHalfLifeDays", NOT_NEGATIVE, "a number of days >= 0 (0: no decay)", false),
                iterations(path + ".iterations"),
                number(path + ".otherEventTypeWeight", NOT_NEGATIVE, "a weight >= 0", false));
    }

    private Integer iterations(String path) {
        JsonNode node = TrainingConfigParser.at(root, path);
        if (node.isMissingNode()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < 1 || node.asInt() > MAX_ITERATIONS) {
            problems.accept(path, "'" + node + "' is not a whole number from 1 to " + MAX_ITERATIONS);
            return null;
        }
        return node.asInt();
    }

    /**
     * The number at the path, or null when absent or bad (a problem is recorded).
     *
     * @param textAllowed whether a numeric string counts (Personalize types {@code solutionConfig.eventValueThreshold} as a string)
     */
    private Double number(String path, Range range, String expectation, boolean textAllowed) {
        JsonNode node = TrainingConfigParser.at(root, path);
        if (node.isMissingNode()) {
            return null;
        }
        Double value = null;
        if (node.isNumber()) {
            value = node.asDouble();
        } else if (node.isTextual() && textAllowed) {
            try {
                value = Double.parseDouble(node.asText().trim());
            } catch (NumberFormatException e) {
                value = null;
            }
        }
        if (value == null || !Double.isFinite(value) || value < range.min() || value > range.max()) {
            problems.accept(path, "'" + (node.isTextual() ? node.asText() : node.toString()) + "' is not " + expectation);
            return null;
        }
        return value;
    }

    private record Range(double min, double max) {
    }

    private static List<String> sorted(Set<String> keys) {
        return keys.stream().sorted().toList();
    }
}
