package io.contextualtargeting.local.statemachine;

import com.fasterxml.jackson.databind.JsonNode;

/** The value of a {@code "key.$"} field, ErrorPath or CausePath: a path or an intrinsic function call. */
public sealed interface ValueExpression {

    JsonNode evaluate(JsonNode input, JsonNode context, IntrinsicFunctions intrinsics);

    /** Parses a path ({@code $...}, {@code $$...}) or a call ({@code States.X(...)}). */
    static ValueExpression parse(String text) {
        if (PathExpression.isPath(text)) {
            return new Path(PathExpression.compile(text));
        }
        if (IntrinsicCall.isCall(text)) {
            return new Call(IntrinsicCall.parse(text));
        }
        throw new IllegalArgumentException("'" + text + "' is neither a JSONPath nor an intrinsic function call");
    }

    /** A path read from the input or the context object. */
    record Path(PathExpression path) implements ValueExpression {
        @Override
        public JsonNode evaluate(JsonNode input, JsonNode context, IntrinsicFunctions intrinsics) {
            return path.read(input, context);
        }
    }

    /** An intrinsic function call. */
    record Call(IntrinsicCall call) implements ValueExpression {
        @Override
        public JsonNode evaluate(JsonNode input, JsonNode context, IntrinsicFunctions intrinsics) {
            return intrinsics.evaluate(call, input, context);
        }
    }
}
