package io.contextualtargeting.local.statemachine;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The input and output processing fields of one state, applied in the order the Step Functions
 * "input and output processing" page gives: InputPath, Parameters, (the state's work), ResultSelector,
 * ResultPath, OutputPath. A field a state type does not have is null here.
 */
public record DataFlow(DataPath inputPath, PayloadTemplate parameters, PayloadTemplate resultSelector,
                       ResultTarget resultPath, DataPath outputPath) {

    /** InputPath or OutputPath: absent means {@code $}, JSON null means an empty object. */
    public record DataPath(PathExpression path) {
        public static final DataPath DEFAULT = new DataPath(PathExpression.compile("$"));
        public static final DataPath EMPTY = new DataPath(null);

        public JsonNode apply(JsonNode input, JsonNode context) {
            return path == null ? Json.object() : path.read(input, context);
        }
    }

    /** ResultPath: absent means {@code $} (the result replaces the input), JSON null keeps the input. */
    public record ResultTarget(ReferencePath path) {
        public static final ResultTarget DEFAULT = new ResultTarget(ReferencePath.parse("$"));
        public static final ResultTarget DISCARD = new ResultTarget(null);

        public JsonNode apply(JsonNode rawInput, JsonNode result) {
            return path == null ? rawInput : path.put(rawInput, result);
        }
    }

    /** The effective input: InputPath, then Parameters. */
    JsonNode effectiveInput(JsonNode rawInput, JsonNode context, IntrinsicFunctions intrinsics) {
        JsonNode selected = inputPath == null ? rawInput : inputPath.apply(rawInput, context);
        return parameters == null ? selected : parameters.apply(selected, context, intrinsics);
    }

    /** The state output: ResultSelector on the result, ResultPath into the raw input, then OutputPath. */
    JsonNode output(JsonNode rawInput, JsonNode result, JsonNode context, IntrinsicFunctions intrinsics) {
        JsonNode selected = resultSelector == null ? result : resultSelector.apply(result, context, intrinsics);
        JsonNode combined = resultPath == null ? selected : resultPath.apply(rawInput, selected);
        return outputPath == null ? combined : outputPath.apply(combined, context);
    }
}
