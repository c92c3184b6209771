package io.contextualtargeting.local.statemachine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A ResultPath: a reference path ({@code $}, {@code $.a.b}, {@code $['a b']}, {@code $.list[0]}) that
 * says where a result goes in the state's raw input. Missing objects on the way are created; a
 * non-object on the way is a States.ResultPathMatchFailure, as on AWS.
 */
public final class ReferencePath {
    private final String text;
    private final List<Object> segments;

    private ReferencePath(String text, List<Object> segments) {
        this.text = text;
        this.segments = segments;
    }

    /** Parses a reference path; anything else (wildcards, filters, ..) is IllegalArgumentException. */
    public static ReferencePath parse(String text) {
        if (!text.startsWith("$") || text.startsWith("$$")) {
            throw new IllegalArgumentException("'" + text + "' is not a reference path (it must start with $)");
        }
        List<Object> segments = new ArrayList<>();
        int i = 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '.' && i + 1 < text.length() && text.charAt(i + 1) != '.') {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
                    end++;
                }
                String name = text.substring(i + 1, end);
                if (name.isEmpty() || name.contains("*") || name.contains("@")) {
                    throw notReference(text);
                }
                segments.add(name);
                i = end;
            } else if (c == '[') {
                int close = text.indexOf(']', i);
                if (close < 0) {
                    throw notReference(text);
                }
                String inner = text.substring(i + 1, close).trim();
                if (inner.length() >= 2 && (inner.startsWith("'") && inner.endsWith("'")
                        || inner.startsWith("\"") && inner.endsWith("\""))) {
                    segments.add(inner.substring(1, inner.length() - 1));
                } else if (inner.matches("\\d+")) {
                    segments.add(Integer.parseInt(inner));
                } else {
                    throw notReference(text);
                }
                i = close + 1;
            } else {
                throw notReference(text);
            }
        }
        return new ReferencePath(text, List.copyOf(segments));
    }

    private static IllegalArgumentException notReference(String text) {
        return new IllegalArgumentException("'" + text + "' is not a reference path: only $, .name, ['name'] "
                + "and [index] may appear in a ResultPath");
    }

    /** The raw input with {@code value} placed at this path (the input itself is not changed). */
    public JsonNode put(JsonNode rawInput, JsonNode value) {
        if (segments.isEmpty()) {
            return value;
        }
        if (!rawInput.isObject() && !(rawInput.isArray() && segments.get(0) instanceof Integer)) {
            throw failure(rawInput);
        }
        JsonNode root = rawInput.deepCopy();
        JsonNode parent = root;
        for (int i = 0; i < segments.size() - 1; i++) {
            parent = child(parent, segments.get(i), rawInput);
        }
        Object last = segments.get(segments.size() - 1);
        if (last instanceof String name && parent instanceof ObjectNode object) {
            object.set(name, value);
        } else if (last instanceof Integer index && parent instanceof ArrayNode array && index < array.size()) {
            array.set(index, value);
        } else {
            throw failure(rawInput);
        }
        return root;
    }

    private JsonNode child(JsonNode parent, Object segment, JsonNode rawInput) {
        if (segment instanceof String name && parent instanceof ObjectNode object) {
            JsonNode existing = object.get(name);
            if (existing == null || existing.isNull()) {
                return object.putObject(name);
            }
            if (existing.isContainerNode()) {
                return existing;
            }
        } else if (segment instanceof Integer index && parent instanceof ArrayNode array && index < array.size()) {
            return array.get(index);
        }
        throw failure(rawInput);
    }

    private StatesError failure(JsonNode rawInput) {
        return new StatesError(ErrorNames.RESULT_PATH_MATCH_FAILURE, "Unable to apply ReferencePath " + text
                + " to input " + Abbreviation.of(rawInput));
    }

    public String text() {
        return text;
    }
}
