package io.contextualtargeting.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks a request, as JSON keyed by the model's member names, against an operation's input shape
 * in a {@link BotocoreModel}: required members present, no unknown member, the JSON type of each
 * value, string and collection lengths, numeric ranges, patterns (unanchored, as AWS models mean
 * them) and enum values. Each problem names the member's path ({@code jobInput.s3DataSource.path}).
 */
final class BotocoreShapeValidator {
    private final BotocoreModel model;

    BotocoreShapeValidator(BotocoreModel model) {
        this.model = model;
    }

    /** Every way the request breaks the operation's input shape; empty if it conforms. */
    List<String> problems(String operation, JsonNode request) {
        List<String> problems = new ArrayList<>();
        check(model.inputShape(operation), request, operation, problems);
        return problems;
    }

    private void check(String shapeName, JsonNode value, String path, List<String> problems) {
        if (value.isMissingNode()) {
            return;
        }
        JsonNode shape = model.shape(shapeName);
        String type = shape.path("type").asText();
        switch (type) {
            case "structure" -> structure(shape, value, path, problems);
            case "list" -> list(shape, value, path, problems);
            case "map" -> map(shape, value, path, problems);
            case "string" -> string(shape, value, path, problems);
            case "integer", "long" -> number(shape, value, value.canConvertToLong() && value.isIntegralNumber(), path, problems);
            case "float", "double" -> number(shape, value, value.isNumber(), path, problems);
            case "boolean" -> expect(value.isBoolean(), "a boolean", value, path, problems);
            case "timestamp" -> expect(value.isTextual() || value.isNumber(), "a timestamp", value, path, problems);
            case "blob" -> expect(value.isTextual(), "a blob (base64 text)", value, path, problems);
            default -> problems.add(path + ": shape " + shapeName + " has type " + type + ", which this validator does not know");
        }
    }

    private void structure(JsonNode shape, JsonNode value, String path, List<String> problems) {
        if (!expect(value.isObject(), "an object", value, path, problems)) {
            return;
        }
        shape.path("required").forEach(required -> {
            if (!value.has(required.asText()) || value.get(required.asText()).isNull()) {
                problems.add(path + "." + required.asText() + ": required member missing");
            }
        });
        for (Map.Entry<String, JsonNode> member : value.properties()) {
            JsonNode declared = shape.path("members").path(member.getKey());
            if (declared.isMissingNode()) {
                problems.add(path + "." + member.getKey() + ": unknown member (not in the model)");
            } else if (!member.getValue().isNull()) {
                check(declared.path("shape").asText(), member.getValue(), path + "." + member.getKey(), problems);
            }
        }
    }

    private void list(JsonNode shape, JsonNode value, String path, List<String> problems) {
        if (expect(value.isArray(), "a list", value, path, problems)) {
            size(shape, value.size(), "items", path, problems);
            for (int i = 0; i < value.size(); i++) {
                check(shape.path("member").path("shape").asText(), value.get(i), path + "[" + i + "]", problems);
            }
        }
    }

    private void map(JsonNode shape, JsonNode value, String path, List<String> problems) {
        if (expect(value.isObject(), "a map", value, path, problems)) {
            size(shape, value.size(), "entries", path, problems);
            value.properties().forEach(entry -> {
                String entryPath = path + "[" + entry.getKey() + "]";
                check(shape.path("key").path("shape").asText(), TextNode.valueOf(entry.getKey()), entryPath + " (key)", problems);
                check(shape.path("value").path("shape").asText(), entry.getValue(), entryPath, problems);
            });
        }
    }

    private void string(JsonNode shape, JsonNode value, String path, List<String> problems) {
        if (!expect(value.isTextual(), "a string", value, path, problems)) {
            return;
        }
        String text = value.asText();
        size(shape, text.codePointCount(0, text.length()), "characters", path, problems);
        if (shape.has("enum")) {
            List<String> allowed = new ArrayList<>();
            shape.get("enum").forEach(e -> allowed.add(e.asText()));
            if (!allowed.contains(text)) {
                problems.add(path + ": '" + text + "' is not one of " + allowed);
            }
        }
        if (shape.has("pattern") && !matches(shape.get("pattern").asText(), text)) {
            problems.add(path + ": '" + text + "' does not match the pattern " + shape.get("pattern").asText());
        }
    }

    private static void number(JsonNode shape, JsonNode value, boolean rightType, String path, List<String> problems) {
        if (expect(rightType, "a " + shape.path("type").asText(), value, path, problems)) {
            if (shape.has("min") && value.asDouble() < shape.get("min").asDouble()) {
                problems.add(path + ": " + value + " is less than the minimum " + shape.get("min"));
            }
            if (shape.has("max") && value.asDouble() > shape.get("max").asDouble()) {
                problems.add(path + ": " + value + " is more than the maximum " + shape.get("max"));
            }
        }
    }

    private static void size(JsonNode shape, int size, String unit, String path, List<String> problems) {
        if (shape.has("min") && size < shape.get("min").asLong()) {
            problems.add(path + ": " + size + " " + unit + ", fewer than the minimum " + shape.get("min"));
        }
        if (shape.has("max") && size > shape.get("max").asLong()) {
            problems.add(path + ": " + size + " " + unit + ", more than the maximum " + shape.get("max"));
        }
    }

    private static boolean expect(boolean condition, String what, JsonNode value, String path, List<String> problems) {
        if (!condition) {
            problems.add(path + ": expected " + what + ", got " + value.getNodeType().name().toLowerCase() + " " + value);
        }
        return condition;
    }

    /** The whole value must match, as the services validate it (the models' patterns often lack {@code $}). */
    private static boolean matches(String pattern, String text) {
        try {
            return Pattern.compile(pattern, Pattern.DOTALL).matcher(text).matches();
        } catch (PatternSyntaxException e) {
            throw new IllegalStateException("the model's pattern " + pattern + " is not a Java regex; teach the validator", e);
        }
    }
}
