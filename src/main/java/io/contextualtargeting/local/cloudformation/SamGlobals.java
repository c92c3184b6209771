package io.contextualtargeting.local.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;

/**
 * SAM Globals: {@code Globals.Function} goes into every AWS::Serverless::Function (likewise for the
 * other Serverless types). As SAM merges: the resource's scalar wins, maps merge key by key, lists
 * are the global entries followed by the resource's.
 */
final class SamGlobals {
    private static final String PREFIX = "AWS::Serverless::";

    private SamGlobals() {
    }

    /** The resource with the globals of its type merged into its Properties (a copy when changed). */
    static ObjectNode apply(JsonNode globals, ObjectNode resource) {
        String type = resource.path("Type").asText();
        if (globals == null || !type.startsWith(PREFIX) || !globals.has(type.substring(PREFIX.length()))) {
            return resource;
        }
        ObjectNode merged = resource.deepCopy();
        JsonNode own = merged.path("Properties");
        merged.set("Properties", merge(globals.get(type.substring(PREFIX.length())), own.isObject() ? own : null));
        return merged;
    }

    private static JsonNode merge(JsonNode global, JsonNode local) {
        if (local == null) {
            return global.deepCopy();
        }
        if (global == null) {
            return local.deepCopy();
        }
        if (global.isObject() && local.isObject() && !isIntrinsic(local)) {
            ObjectNode out = ((ObjectNode) global).deepCopy();
            for (Iterator<Map.Entry<String, JsonNode>> it = local.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                out.set(entry.getKey(), merge(global.get(entry.getKey()), entry.getValue()));
            }
            return out;
        }
        if (global.isArray() && local.isArray()) {
            ArrayNode out = ((ArrayNode) global).deepCopy();
            out.addAll((ArrayNode) local.deepCopy());
            return out;
        }
        return local.deepCopy();
    }

    private static boolean isIntrinsic(JsonNode node) {
        if (node.size() != 1) {
            return false;
        }
        String key = node.fieldNames().next();
        return "Ref".equals(key) || key.startsWith("Fn::");
    }
}
