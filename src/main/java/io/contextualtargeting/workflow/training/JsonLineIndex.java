package io.contextualtargeting.workflow.training;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The line on which each field of a JSON document starts, by path ({@code solutions[1].serviceConfig.name}),
 * so that a problem found on the parsed tree can name its line.
 */
final class JsonLineIndex {
    private final Map<String, Integer> lines;

    private JsonLineIndex(Map<String, Integer> lines) {
        this.lines = lines;
    }

    /** Indexes a document that is already known to parse. */
    static JsonLineIndex of(String json) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            Deque<String> containers = new ArrayDeque<>();
            Deque<Integer> arrayIndexes = new ArrayDeque<>();
            String field = null;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME) {
                    field = parser.currentName();
                    continue;
                }
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    containers.pop();
                    if (token == JsonToken.END_ARRAY) {
                        arrayIndexes.pop();
                    }
                    continue;
                }
                String path = childPath(containers, arrayIndexes, field);
                lines.putIfAbsent(path, parser.currentTokenLocation().getLineNr());
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    containers.push(path);
                    if (token == JsonToken.START_ARRAY) {
                        arrayIndexes.push(-1);
                    }
                }
                field = null;
            }
        } catch (IOException e) {
            // Only called on documents that parsed; keep whatever was indexed.
        }
        return new JsonLineIndex(lines);
    }

    private static String childPath(Deque<String> containers, Deque<Integer> arrayIndexes, String field) {
        if (containers.isEmpty()) {
            return "";
        }
        String parent = containers.peek();
        if (field != null) {
            return parent.isEmpty() ? field : parent + "." + field;
        }
        int index = arrayIndexes.pop() + 1;
        arrayIndexes.push(index);
        return parent + "[" + index + "]";
    }

    /**
     * The path of where a parser is ({@code solutions[1].serviceConfig}), e.g. where a document
     * stopped parsing; null at the top level.
     */
    static String pathOf(JsonStreamContext context) {
        Deque<String> steps = new ArrayDeque<>();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inArray()) {
                steps.push("[" + Math.max(0, at.getCurrentIndex()) + "]");
            } else if (at.getCurrentName() != null) {
                steps.push("." + at.getCurrentName());
            }
        }
        String path = String.join("", steps);
        return path.isEmpty() ? null : path.startsWith(".") ? path.substring(1) : path;
    }

    /** The line of the path, or of its closest indexed ancestor; 0 when unknown. */
    int lineOf(String path) {
        String current = path;
        while (true) {
            Integer line = lines.get(current);
            if (line != null) {
                return line;
            }
            int cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['));
            if (cut <= 0) {
                return lines.getOrDefault("", 0);
            }
            current = current.substring(0, cut);
        }
    }
}
