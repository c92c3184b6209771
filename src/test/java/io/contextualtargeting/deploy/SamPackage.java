package io.contextualtargeting.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Function;

/**
 * What {@code sam package} does to a template before deployment, without uploading: every local
 * artifact path becomes the S3 location it would be uploaded to. A function's {@code CodeUri}
 * and a layer's {@code ContentUri} become {@code s3://bucket/key}, a state machine's {@code DefinitionUri} {@code {Bucket, Key}},
 * and a nested application's {@code Location} the https URL of its packaged template.
 */
final class SamPackage {
    static final String BUCKET = "sam-artifacts-bucket";
    static final String REGION = "us-east-1";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SamPackage() {
    }

    /** A packaged copy of the template (as {@link Repository#template} parses it). */
    static JsonNode packaged(JsonNode template) {
        ObjectNode copy = template.deepCopy();
        replaceLocal(copy.path("Globals").path("Function"), "CodeUri", SamPackage::codeUri);
        copy.path("Resources").properties().forEach(entry -> {
            JsonNode properties = entry.getValue().path("Properties");
            switch (entry.getValue().path("Type").asText()) {
                case "AWS::Serverless::Function" -> replaceLocal(properties, "CodeUri", SamPackage::codeUri);
                case "AWS::Serverless::LayerVersion" -> replaceLocal(properties, "ContentUri", SamPackage::codeUri);
                case "AWS::Serverless::StateMachine" -> replaceLocal(properties, "DefinitionUri", SamPackage::definitionUri);
                case "AWS::Serverless::Application" -> replaceLocal(properties, "Location", SamPackage::templateUrl);
                default -> { }
            }
        });
        return copy;
    }

    /** The https URL under which {@code sam package} would upload this (local) template. */
    static JsonNode templateUrl(String path) {
        return NODES.textNode("https://s3." + REGION + ".amazonaws.com/" + BUCKET + "/" + key(path) + ".template");
    }

    private static JsonNode codeUri(String path) {
        return NODES.textNode("s3://" + BUCKET + "/" + key(path));
    }

    private static JsonNode definitionUri(String path) {
        return NODES.objectNode().put("Bucket", BUCKET).put("Key", key(path));
    }

    private static String key(String path) {
        return "packaged/" + path.replace("../", "").replace('/', '-');
    }

    private static void replaceLocal(JsonNode properties, String name, Function<String, JsonNode> location) {
        JsonNode value = properties.path(name);
        if (properties instanceof ObjectNode object && value.isTextual() && isLocal(value.asText())) {
            object.set(name, location.apply(value.asText()));
        }
    }

    private static boolean isLocal(String location) {
        return !location.startsWith("s3://") && !location.startsWith("https://");
    }
}
