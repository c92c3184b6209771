package io.contextualtargeting.engine.generate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

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
        return build(layout, numResults, interactionsSchema(), itemsSchema(), usersSchema(), true);
    }

    /**
     * A config for the given Avro schemas (items and users may be null: no such dataset) with the
     * item-affinity solution and, when {@code attributeAffinity}, the attribute-affinity one first.
     */
    static ObjectNode build(DatasetLayout layout, int numResults, ObjectNode interactions, ObjectNode items,
                            ObjectNode users, boolean attributeAffinity) {
        String name = layout.name();
        ObjectNode config = JSON.objectNode();
        config.putObject("datasetGroup").putObject("serviceConfig").put("name", name);
        ObjectNode datasets = config.putObject("datasets");
        datasets.set("interactions", dataset(name, "interactions", interactions));
        if (items != null) {
            datasets.set("items", dataset(name, "items", items));
        }
        if (users != null) {
            datasets.set("users", dataset(name, "users", users));
        }
        ArrayNode solutions = config.putArray("solutions");
        if (attributeAffinity) {
            solutions.add(solution(layout.attributeAffinitySolution(), ATTRIBUTE_AFFINITY_RECIPE, numResults));
        }
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
        return record("Interactions", field("USER_ID", "string"), field("ITEM_ID", "string"),
                field("EVENT_VALUE", "float"), field("EVENT_TYPE", "string"), field("TIMESTAMP", "long"));
    }

    private static ObjectNode itemsSchema() {
        ObjectNode genres = JSON.objectNode().put("name", GENRES);
        genres.putArray("type").add("null").add("string");
        return record("Items", field("ITEM_ID", "string"), field("TITLE", "string").put("textual", true),
                field(RELEASE_YEAR, "int"), field("CREATION_TIMESTAMP", "long"), genres.put("categorical", true));
    }

    private static ObjectNode usersSchema() {
        return record("Users", field("USER_ID", "string"), field("GENDER", "string").put("categorical", true),
                field("AGE", "int"));
    }

    static ObjectNode record(String name, ObjectNode... fields) {
        ObjectNode schema = JSON.objectNode();
        schema.put("type", "record").put("name", name).put("namespace", SCHEMA_NAMESPACE);
        schema.putArray("fields").addAll(List.of(fields));
        schema.put("version", "1.0");
        return schema;
    }

    static ObjectNode field(String name, String type) {
        return JSON.objectNode().put("name", name).put("type", type);
    }
}
