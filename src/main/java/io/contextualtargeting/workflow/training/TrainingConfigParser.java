package io.contextualtargeting.workflow.training;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contextualtargeting.formats.InputException;
import io.contextualtargeting.formats.Json;
import io.contextualtargeting.ports.SegmentationService.DatasetType;
import io.contextualtargeting.ports.SolutionSettings;
import io.contextualtargeting.workflow.training.TrainingConfig.BatchSegmentJobConfig;
import io.contextualtargeting.workflow.training.TrainingConfig.DatasetConfig;
import io.contextualtargeting.workflow.training.TrainingConfig.SolutionConfig;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a training config and checks its structure: required keys, Personalize's naming rules,
 * user-segmentation recipes, result counts. Every problem is collected, so one upload reports all
 * of them at once, each with its line and field.
 */
public final class TrainingConfigParser {
    /** Personalize resource names: 1-63 characters, letters, digits, '-' and '_', not starting with '-' or '_'. */
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_-]{0,62}");
    static final int MAX_NUM_RESULTS = 5_000_000;
    static final int DEFAULT_NUM_RESULTS = 25;

    private final ObjectMapper json = Json.mapper();

    public TrainingConfig parse(String source, String text) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            String field = e.getProcessor() instanceof JsonParser parser ? JsonLineIndex.pathOf(parser.getParsingContext()) : null;
            throw new InvalidTrainingConfigException(source,
                    List.of(new InputException(source, line, field, "not valid JSON: " + e.getOriginalMessage())));
        }
        Problems problems = new Problems(source, JsonLineIndex.of(text));
        if (root == null || !root.isObject()) {
            problems.add("(document)", "a training config is a JSON object with datasetGroup, datasets and solutions");
            throw problems.failure(source);
        }
        String groupName = problems.name(root, "datasetGroup.serviceConfig.name");
        String domain = text(root, "datasetGroup.serviceConfig.domain");
        Map<DatasetType, DatasetConfig> datasets = datasets(root, problems);
        List<SolutionConfig> solutions = solutions(root, datasets, problems);
        if (!problems.isEmpty()) {
            throw problems.failure(source);
        }
        return new TrainingConfig(groupName, domain, datasets, solutions);
    }

    private Map<DatasetType, DatasetConfig> datasets(JsonNode root, Problems problems) {
        Map<DatasetType, DatasetConfig> datasets = new EnumMap<>(DatasetType.class);
        JsonNode node = root.path("datasets");
        if (!node.isObject()) {
            problems.add("datasets", "missing: an object with at least \"interactions\" (and \"items\", \"users\")");
            return datasets;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            DatasetType type = datasetType(key);
            if (type == null) {
                problems.add("datasets." + key, "unknown dataset '" + key + "': use interactions, items or users");
                continue;
            }
            String base = "datasets." + key;
            String name = problems.name(root, base + ".dataset.serviceConfig.name");
            String schemaName = problems.name(root, base + ".schema.serviceConfig.name");
            JsonNode schema = at(root, base + ".schema.serviceConfig.schema");
            String schemaText = null;
            if (schema.isMissingNode() || schema.isNull()) {
                problems.add(base + ".schema.serviceConfig.schema", "missing: the dataset's Avro schema");
            } else {
                schemaText = schema.isTextual() ? schema.asText() : schema.toString();
                SchemaRequirements.check(type, base + ".schema.serviceConfig.schema", schemaText, problems::add);
            }
            datasets.put(type, new DatasetConfig(name, schemaName, schemaText));
        }
        if (!datasets.containsKey(DatasetType.INTERACTIONS)) {
            problems.add("datasets.interactions", "missing: every dataset group needs an interactions dataset");
        }
        return datasets;
    }

    private List<SolutionConfig> solutions(JsonNode root, Map<DatasetType, DatasetConfig> datasets, Problems problems) {
        List<SolutionConfig> solutions = new ArrayList<>();
        JsonNode node = root.path("solutions");
        if (!node.isArray() || node.isEmpty()) {
            problems.add("solutions", "missing: a list of at least one solution");
            return solutions;
        }
        for (int i = 0; i < node.size(); i++) {
            String base = "solutions[" + i + "]";
            String name = problems.name(root, base + ".serviceConfig.name");
            String recipe = text(root, base + ".serviceConfig.recipeArn");
            if (recipe == null) {
                problems.add(base + ".serviceConfig.recipeArn", "missing: " + Recipes.ITEM_AFFINITY
                        + " or " + Recipes.ITEM_ATTRIBUTE_AFFINITY);
            } else if (!Recipes.USER_SEGMENTATION.contains(recipe)) {
                problems.add(base + ".serviceConfig.recipeArn", "'" + recipe + "' is not a user-segmentation recipe: use "
                        + Recipes.ITEM_AFFINITY + " or " + Recipes.ITEM_ATTRIBUTE_AFFINITY);
            } else if (Recipes.ITEM_ATTRIBUTE_AFFINITY.equals(recipe) && !datasets.containsKey(DatasetType.ITEMS)) {
                problems.add(base + ".serviceConfig.recipeArn",
                        "aws-item-attribute-affinity needs an items dataset with at least one non-textual metadata column");
            }
            SolutionSettings settings = new SolutionSettingsParser(root, problems::add).parse(base);
            List<BatchSegmentJobConfig> jobs = jobs(root, base, problems);
            solutions.add(new SolutionConfig(name, recipe, settings, jobs));
        }
        return solutions;
    }

    private List<BatchSegmentJobConfig> jobs(JsonNode root, String solutionPath, Problems problems) {
        List<BatchSegmentJobConfig> jobs = new ArrayList<>();
        JsonNode node = at(root, solutionPath + ".batchSegmentJobs");
        if (!node.isArray() || node.isEmpty()) {
            problems.add(solutionPath + ".batchSegmentJobs", "missing: a list of at least one batch segment job, e.g. "
                    + "[{\"serviceConfig\": {\"numResults\": 50}}]");
            return jobs;
        }
        for (int j = 0; j < node.size(); j++) {
            String path = solutionPath + ".batchSegmentJobs[" + j + "].serviceConfig.numResults";
            JsonNode numResults = at(root, path);
            int value = DEFAULT_NUM_RESULTS;
            if (!numResults.isMissingNode()) {
                if (!numResults.canConvertToInt() || !numResults.isIntegralNumber()
                        || numResults.asInt() < 1 || numResults.asInt() > MAX_NUM_RESULTS) {
                    problems.add(path, "'" + numResults + "' is not a whole number from 1 to " + MAX_NUM_RESULTS);
                } else {
                    value = numResults.asInt();
                }
            }
            jobs.add(new BatchSegmentJobConfig(value, text(root, solutionPath + ".batchSegmentJobs[" + j + "].serviceConfig.filterArn")));
        }
        return jobs;
    }

    private static DatasetType datasetType(String key) {
        return switch (key.toLowerCase(Locale.ROOT)) {
            case "interactions" -> DatasetType.INTERACTIONS;
            case "items" -> DatasetType.ITEMS;
            case "users" -> DatasetType.USERS;
            default -> null;
        };
    }

    /** The node at a dotted path with [i] indexes; a missing node when any step is absent. */
    static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String step : path.split("\\.")) {
            int bracket = step.indexOf('[');
            node = node.path(bracket < 0 ? step : step.substring(0, bracket));
            if (bracket >= 0) {
                node = node.path(Integer.parseInt(step.substring(bracket + 1, step.length() - 1)));
            }
        }
        return node;
    }

    private static String text(JsonNode root, String path) {
        JsonNode node = at(root, path);
        return node.isValueNode() && !node.isNull() ? node.asText() : null;
    }

    /** Problems found so far, each placed on its line. */
    private static final class Problems {
        private final String source;
        private final JsonLineIndex lines;
        private final List<InputException> found = new ArrayList<>();

        Problems(String source, JsonLineIndex lines) {
            this.source = source;
            this.lines = lines;
        }

        void add(String path, String message) {
            found.add(new InputException(source, lines.lineOf(path), path, message));
        }

        /** A required Personalize resource name at the path; records a problem when absent or invalid. */
        String name(JsonNode root, String path) {
            String value = text(root, path);
            if (value == null || value.isEmpty()) {
                add(path, "missing: a name of 1 to 63 letters, digits, '-' or '_'");
            } else if (value.length() > 63) {
                add(path, "'" + value + "' has " + value.length() + " characters; Personalize allows at most 63");
            } else if (!NAME.matcher(value).matches()) {
                add(path, "'" + value + "' is not a valid name: use letters, digits, '-' and '_', starting with a letter or digit");
            }
            return value;
        }

        boolean isEmpty() {
            return found.isEmpty();
        }

        InvalidTrainingConfigException failure(String source) {
            return new InvalidTrainingConfigException(source, found);
        }
    }
}
