package io.contextualtargeting.local.statemachine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;

/**
 * A JSONPath of the ASL JSONPath query language: {@code $...} reads the state's data,
 * {@code $$...} the context object. Compiled at load time so a bad path is a load error.
 */
public final class PathExpression {
    private static final Configuration JSON_PATH = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(Json.MAPPER))
            .mappingProvider(new JacksonMappingProvider(Json.MAPPER))
            .build();

    private final String text;
    private final boolean context;
    private final JsonPath compiled;

    private PathExpression(String text, boolean context, JsonPath compiled) {
        this.text = text;
        this.context = context;
        this.compiled = compiled;
    }

    /** Whether {@code text} looks like a path (rather than an intrinsic function call). */
    public static boolean isPath(String text) {
        return text.startsWith("$");
    }

    /** Compiles a path; a syntax error throws IllegalArgumentException with the reason. */
    public static PathExpression compile(String text) {
        boolean context = text.startsWith("$$");
        String path = context ? text.substring(1) : text;
        if (!path.startsWith("$")) {
            throw new IllegalArgumentException("'" + text + "' is not a JSONPath (it must start with $ or $$)");
        }
        try {
            return new PathExpression(text, context, "$".equals(path) ? null : JsonPath.compile(path));
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid JSONPath: " + e.getMessage());
        }
    }

    /**
     * Reads the value at this path; a definite path that selects nothing is a States.Runtime error,
     * as on AWS. An indefinite path (wildcard, slice, filter, deep scan) selects an array, {@code []}
     * when the path on the way to it is missing, as on AWS.
     */
    public JsonNode read(JsonNode input, JsonNode contextObject) {
        return readOrNull(input, contextObject, true);
    }

    /** Like {@link #read} but returns null when nothing is selected (IsPresent). */
    public JsonNode readIfPresent(JsonNode input, JsonNode contextObject) {
        return readOrNull(input, contextObject, false);
    }

    private JsonNode readOrNull(JsonNode input, JsonNode contextObject, boolean required) {
        JsonNode document = context ? contextObject : input;
        if (compiled == null) {
            return document;
        }
        try {
            if (document == null || !document.isContainerNode()) {
                throw new com.jayway.jsonpath.PathNotFoundException("the input is not an object or array");
            }
            Object value = compiled.read(document, JSON_PATH);
            if (value == null) {
                return NullNode.getInstance();
            }
            return value instanceof JsonNode node ? node : Json.MAPPER.valueToTree(value);
        } catch (com.jayway.jsonpath.PathNotFoundException e) {
            if (!required) {
                return null;
            }
            if (!compiled.isDefinite()) {
                return Json.MAPPER.createArrayNode();
            }
            throw StatesError.runtime("Invalid path '" + text + "': the path does not match the "
                    + (context ? "context object" : "input") + " " + Abbreviation.of(document));
        } catch (com.jayway.jsonpath.JsonPathException e) {
            throw StatesError.runtime("Invalid path '" + text + "': " + e.getMessage());
        }
    }

    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
