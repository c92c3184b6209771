package io.contextualtargeting.local.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The values of a stack's Parameters: overrides, else Default, checked against Type, AllowedValues,
 * AllowedPattern, Min/MaxLength and Min/MaxValue as CloudFormation checks them, with its messages.
 */
final class ParameterValues {

    private ParameterValues() {
    }

    static Map<String, JsonNode> resolve(String template, JsonNode declared, Map<String, String> overrides) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String name : overrides.keySet()) {
            if (declared == null || !declared.has(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new TemplateException(template, "Parameters", "Parameters: " + unknown
                    + " do not exist in the template");
        }
        if (declared == null) {
            return values;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = declared.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            JsonNode spec = entry.getValue();
            String value = overrides.containsKey(name) ? overrides.get(name)
                    : spec.has("Default") ? text(spec.get("Default")) : null;
            if (value == null) {
                throw new TemplateException(template, "Parameters." + name,
                        "Parameters: [" + name + "] must have values (no Default and no override given)");
            }
            values.put(name, check(template, name, spec, value));
        }
        return values;
    }

    /** A parameter value as CloudFormation passes it: lists joined with commas. */
    static String text(JsonNode node) {
        if (node.isArray()) {
            List<String> parts = new ArrayList<>();
            node.forEach(n -> parts.add(n.asText()));
            return String.join(",", parts);
        }
        return node.asText();
    }

    private static JsonNode check(String template, String name, JsonNode spec, String value) {
        String type = spec.path("Type").asText("String");
        String where = "Parameters." + name;
        boolean list = type.equals("CommaDelimitedList") || type.startsWith("List<");
        List<String> items = list ? List.of(value.split(",", -1)) : List.of(value);
        if (type.startsWith("AWS::SSM::Parameter")) {
            throw new TemplateException(template, where, "type " + type + " reads SSM, which the local model cannot");
        }
        for (String item : items) {
            String trimmed = list ? item.trim() : item;
            if (type.equals("Number") || type.equals("List<Number>")) {
                try {
                    new BigDecimal(trimmed);
                } catch (NumberFormatException e) {
                    throw violation(template, name, spec, "Parameter '" + name + "' must be a number");
                }
            }
            checkConstraints(template, name, spec, trimmed);
        }
        if (!list) {
            return TextNode.valueOf(value);
        }
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        items.forEach(i -> array.add(i.trim()));
        return array;
    }

    private static void checkConstraints(String template, String name, JsonNode spec, String value) {
        JsonNode allowed = spec.get("AllowedValues");
        if (allowed != null) {
            boolean found = false;
            for (JsonNode candidate : allowed) {
                found |= candidate.asText().equals(value);
            }
            if (!found) {
                throw violation(template, name, spec, "Parameter '" + name + "' must be one of AllowedValues "
                        + allowed + ", got '" + value + "'");
            }
        }
        if (spec.has("AllowedPattern")) {
            String pattern = spec.get("AllowedPattern").asText();
            try {
                if (!Pattern.compile(pattern).matcher(value).matches()) {
                    throw violation(template, name, spec, "Parameter '" + name + "' must match pattern " + pattern
                            + ", got '" + value + "'");
                }
            } catch (PatternSyntaxException e) {
                throw new TemplateException(template, "Parameters." + name + ".AllowedPattern",
                        "is not a valid regular expression: " + e.getDescription());
            }
        }
        if (spec.has("MinLength") && value.length() < spec.get("MinLength").asInt()) {
            throw violation(template, name, spec, "Parameter '" + name + "' must contain at least "
                    + spec.get("MinLength").asInt() + " characters");
        }
        if (spec.has("MaxLength") && value.length() > spec.get("MaxLength").asInt()) {
            throw violation(template, name, spec, "Parameter '" + name + "' must contain at most "
                    + spec.get("MaxLength").asInt() + " characters");
        }
        if (spec.has("MinValue") && new BigDecimal(value).compareTo(new BigDecimal(spec.get("MinValue").asText())) < 0) {
            throw violation(template, name, spec, "Parameter '" + name + "' must be a number not less than "
                    + spec.get("MinValue").asText());
        }
        if (spec.has("MaxValue") && new BigDecimal(value).compareTo(new BigDecimal(spec.get("MaxValue").asText())) > 0) {
            throw violation(template, name, spec, "Parameter '" + name + "' must be a number not greater than "
                    + spec.get("MaxValue").asText());
        }
    }

    /** CloudFormation shows ConstraintDescription, when the template gives one, instead of its own text. */
    private static TemplateException violation(String template, String name, JsonNode spec, String message) {
        String problem = spec.has("ConstraintDescription")
                ? "Parameter " + name + " failed to satisfy constraint: " + spec.get("ConstraintDescription").asText()
                : message;
        return new TemplateException(template, "Parameters." + name, problem);
    }
}
