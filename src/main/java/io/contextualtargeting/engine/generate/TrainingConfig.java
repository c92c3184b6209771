package io.contextualtargeting.engine.generate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The training config of a generated dataset, in the shape the MLOps pipeline reads: dataset
 * group, the three datasets with their Avro schemas, and one solution per segmentation recipe
 * with its batch segment job. E_MAIL is left out of the users schema: personal data is not
 * training data.
 */
final class TrainingConfig {
    static final String GENRES = "GENRES";
    static final String RELEASE_YEAR = "RELEASE_YEAR";
    static final String ATTRIBUTE_AFFINITY_RECIPE = "arn:aws:personalize:::recipe/aws-item-attribute-affinity";
    static final String ITEM_AFFINITY_RECIPE = "arn:aws:personalize:::recipe/aws-item-affinity";
    private static final String SCHEMA_NAMESPACE = "com.amazonaws.personalize.schema";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private TrainingConfig() {
    }

    static ObjectNode build(DatasetLayout layout, int numResults) {
        String name = layout.name();
        ObjectNode config = JSON.objectNode();
        config.putObject("datasetGroup").putObject("serviceConfig").put("name", name);
        ObjectNode datasets = config.putObject("datasets");
        datasets.set("interactions", dataset(name, "interactions", interactionsSchema()));
        datasets.set("items", dataset(name, "items", itemsSchema()));
        datasets.set("users", dataset(name, "users", usersSchema()));
        ArrayNode solutions = config.putArray("solutions");
        solutions.add(solution(layout.attributeAffinitySolution(), ATTRIBUTE_AFFINITY_RECIPE, numResults));
        solutions.add(solution(layout.itemAffinitySolution(), ITEM_AFFINITY_RECIPE, numResults));
        return config;
    }

    private static ObjectNode dataset(String group, String type, ObjectNode schema) {
        ObjectNode dataset = JSON.objectNode();
        dataset.putObject("dataset").putObject("serviceConfig").put("name", group + "-" + type);
        ObjectNode schemaConfig = dataset.putObject("schema").putObject("serviceConfig");
        schemaConfig.put("name", group + "-" + type + "-schema");
        schemaConfig.set("schema", schema);
        return dataset;
    }

    private static ObjectNode solution(String name, String recipeArn, int numResults) {
        ObjectNode solution = JSON.objectNode();
        solution.putObject("serviceConfig").put("name", name).put("recipeArn", recipeArn);
        solution.putArray("batchSegmentJobs").addObject().putObject("serviceConfig").put("numResults", numResults);
        return solution;
    }

    private static ObjectNode interactionsSchema() {
        ObjectNode schema = record("Interactions");
        ArrayNode fields = schema.withArray("fields");
        field(fields, "USER_ID", "string");
        field(fields, "ITEM_ID", "string");
        field(fields, "EVENT_VALUE", "float");
        field(fields, "EVENT_TYPE", "string");
        field(fields, "TIMESTAMP", "long");
        return schema;
    }

    private static ObjectNode itemsSchema() {
        ObjectNode schema = record("Items");
        ArrayNode fields = schema.withArray("fields");
        field(fields, "ITEM_ID", "string");
        field(fields, "TITLE", "string").put("textual", true);
        field(fields, RELEASE_YEAR, "int");
        field(fields, "CREATION_TIMESTAMP", "long");
        ObjectNode genres = fields.addObject().put("name", GENRES);
        genres.putArray("type").add("null").add("string");
        genres.put("categorical", true);
        return schema;
    }

    private static ObjectNode usersSchema() {
        ObjectNode schema = record("Users");
        ArrayNode fields = schema.withArray("fields");
        field(fields, "USER_ID", "string");
        field(fields, "GENDER", "string").put("categorical", true);
        field(fields, "AGE", "int");
        return schema;
    }

    private static ObjectNode record(String name) {
        ObjectNode schema = JSON.objectNode();
        schema.put("type", "record").put("name", name).put("namespace", SCHEMA_NAMESPACE);
        schema.putArray("fields");
        schema.put("version", "1.0");
        return schema;
    }

    private static ObjectNode field(ArrayNode fields, String name, String type) {
        return fields.addObject().put("name", name).put("type", type);
    }
}
