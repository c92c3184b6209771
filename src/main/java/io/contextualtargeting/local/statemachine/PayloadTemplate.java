package io.contextualtargeting.local.statemachine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Parameters, ResultSelector or ItemSelector object: literal JSON in which every field named
 * {@code key.$} is replaced by field {@code key} holding the value of its path or intrinsic call.
 * Compiled once at load time.
 */
public final class PayloadTemplate {
    private final Node root;

    private PayloadTemplate(Node root) {
        this.root = root;
    }

    /** Compiles {@code template}; {@code field} names it in errors (e.g. {@code States.X.Parameters}). */
    public static PayloadTemplate compile(JsonNode template, String field) {
        return new PayloadTemplate(node(template, field));
    }

    public JsonNode apply(JsonNode input, JsonNode context, IntrinsicFunctions intrinsics) {
        return root.apply(input, context, intrinsics);
    }

    private static Node node(JsonNode template, String field) {
        if (template.isObject()) {
            Map<String, Node> fields = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = template.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String key = entry.getKey();
                String path = field + "." + key;
                if (key.endsWith(".$")) {
                    if (!entry.getValue().isTextual()) {
                        throw new IllegalArgumentException(path + " must be a string holding a path or an intrinsic call");
                    }
                    fields.put(key.substring(0, key.length() - 2),
                            new Dynamic(key, ValueExpression.parse(entry.getValue().textValue())));
                } else {
                    fields.put(key, node(entry.getValue(), path));
                }
            }
            return new ObjectTemplate(fields);
        }
        if (template.isArray()) {
            List<Node> elements = new ArrayList<>();
            for (int i = 0; i < template.size(); i++) {
                elements.add(node(template.get(i), field + "[" + i + "]"));
            }
            return new ArrayTemplate(elements);
        }
        return new Literal(template);
    }

    private sealed interface Node {
        JsonNode apply(JsonNode input, JsonNode context, IntrinsicFunctions intrinsics);
    }

    private record Literal(JsonNode value) implements Node {
        @Override
        public JsonNode apply(JsonNode input, JsonNode context, IntrinsicFunctions intrinsics) {
            return value;
        }
    }

    private record Dynamic(String key, ValueExpression expression) implements Node {
        @Override
        public JsonNode apply(JsonNode input, JsonNode context, IntrinsicFunctions intrinsics) {
            try {
                return expression.evaluate(input, context, intrinsics);
            } catch (StatesError e) {
                if (ErrorNames.RUNTIME.equals(e.error())) {
                    throw StatesError.runtime("The JSONPath specified for the field '" + key
                            + "' could not be found: " + e.cause());
                }
                throw e;
            }
        }
    }

    private record ObjectTemplate(Map<String, Node> fields) implements Node {
        @Override
        public JsonNode apply(JsonNode input, JsonNode context, IntrinsicFunctions intrinsics) {
            ObjectNode out = Json.object();
            fields.forEach((key, node) -> out.set(key, node.apply(input, context, intrinsics)));
            return out;
        }
    }

    private record ArrayTemplate(List<Node> elements) implements Node {
        @Override
        public JsonNode apply(JsonNode input, JsonNode context, IntrinsicFunctions intrinsics) {
            ArrayNode out = Json.MAPPER.createArrayNode();
            elements.forEach(node -> out.add(node.apply(input, context, intrinsics)));
            return out;
        }
    }
}
