package io.contextualtargeting.local.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.contextualtargeting.local.statemachine.Json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves one stack of a template: parameters, conditions, mappings, every intrinsic function,
 * Ref and Fn::GetAtt of resources (to deterministic local values) and nested stacks' outputs.
 * Resource properties are resolved on demand with cycle detection, then all of them, so anything
 * unresolvable fails at load naming the template, the resource and the property.
 */
final class StackResolver {
    private static final String ALIAS = ".Alias";
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");
    private static final Set<String> SECTIONS = Set.of("AWSTemplateFormatVersion", "Description", "Metadata",
            "Parameters", "Rules", "Mappings", "Conditions", "Transform", "Resources", "Outputs", "Globals");
    private static final String SAM_TRANSFORM = "AWS::Serverless-2016-10-31";
    private static final JsonNode NO_VALUE = MissingNode.getInstance();

    /** Loads a nested stack's template. */
    interface NestedStacks {
        StackResolver open(String templatePath, String stackName, Map<String, String> parameters);
    }

    private final String template;
    private final String stackName;
    private final JsonNode document;
    private final NestedStacks nestedStacks;
    private final Map<String, JsonNode> parameters;
    private final Map<String, ObjectNode> resources = new LinkedHashMap<>();
    private final Map<String, Boolean> conditions = new HashMap<>();
    private final Map<String, JsonNode> resolvedProperties = new HashMap<>();
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, StackResolver> nested = new LinkedHashMap<>();
    private final Set<String> inProgress = new HashSet<>();
    private List<String> active;
    private Map<String, JsonNode> outputs;

    StackResolver(String template, String stackName, JsonNode document, Map<String, String> parameterValues,
                  NestedStacks nestedStacks) {
        this.template = template;
        this.stackName = stackName;
        this.document = document;
        this.nestedStacks = nestedStacks;
        checkSections();
        this.parameters = ParameterValues.resolve(template, document.get("Parameters"), parameterValues);
        checkRules();
        JsonNode declared = document.get("Resources");
        if (declared == null || !declared.isObject() || declared.isEmpty()) {
            throw new TemplateException(template, "Resources", "a template needs at least one resource");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = declared.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            resources.put(entry.getKey(), SamGlobals.apply(document.get("Globals"), (ObjectNode) entry.getValue()));
        }
    }

    String template() {
        return template;
    }

    String stackName() {
        return stackName;
    }

    Map<String, JsonNode> parameters() {
        return parameters;
    }

    private void checkSections() {
        for (Iterator<String> it = document.fieldNames(); it.hasNext(); ) {
            String section = it.next();
            if (!SECTIONS.contains(section)) {
                throw new TemplateException(template, section, "section is not supported by the local model");
            }
        }
        JsonNode transform = document.get("Transform");
        if (transform != null) {
            List<String> transforms = new ArrayList<>();
            if (transform.isArray()) {
                transform.forEach(t -> transforms.add(t.asText()));
            } else {
                transforms.add(transform.asText());
            }
            for (String name : transforms) {
                if (!SAM_TRANSFORM.equals(name)) {
                    throw new TemplateException(template, "Transform", "'" + name + "' is not supported locally; only "
                            + SAM_TRANSFORM + " is");
                }
            }
        }
        if (document.has("Globals") && transform == null) {
            throw new TemplateException(template, "Globals", "needs Transform: " + SAM_TRANSFORM);
        }
    }

    /** The Rules section: each assertion of a rule whose RuleCondition holds must hold, as CloudFormation checks. */
    private void checkRules() {
        for (Iterator<Map.Entry<String, JsonNode>> it = document.path("Rules").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> rule = it.next();
            String at = "Rules." + rule.getKey();
            JsonNode condition = rule.getValue().get("RuleCondition");
            if (condition != null && !conditionValue(condition, at + ".RuleCondition")) {
                continue;
            }
            JsonNode assertions = rule.getValue().path("Assertions");
            for (int i = 0; i < assertions.size(); i++) {
                JsonNode assertion = assertions.get(i);
                if (!conditionValue(assertion.path("Assert"), at + ".Assertions[" + i + "].Assert")) {
                    throw new TemplateException(template, at, assertion.path("AssertDescription")
                            .asText("the rule's assertion " + (i + 1) + " does not hold for these parameters"));
                }
            }
        }
    }

    /** The logical ids of resources that exist (their Condition, if any, holds), in template order. */
    List<String> activeResources() {
        if (active != null) {
            return active;
        }
        List<String> active = new ArrayList<>();
        for (Map.Entry<String, ObjectNode> entry : resources.entrySet()) {
            JsonNode condition = entry.getValue().get("Condition");
            if (condition == null || condition(condition.asText(), "Resources." + entry.getKey() + ".Condition")) {
                active.add(entry.getKey());
            }
        }
        this.active = List.copyOf(active);
        return this.active;
    }

    String type(String logicalId) {
        return resources.get(logicalId).path("Type").asText();
    }

    /** All Properties of a resource, resolved. */
    JsonNode properties(String logicalId) {
        JsonNode cached = resolvedProperties.get(logicalId);
        if (cached != null) {
            return cached;
        }
        String at = "Resources." + logicalId + ".Properties";
        enter(at);
        JsonNode raw = resources.get(logicalId).get("Properties");
        JsonNode resolved = raw == null ? Json.object() : resolve(raw, at);
        leave(at);
        resolvedProperties.put(logicalId, resolved);
        return resolved;
    }

    /** The resource's physical name: its name property if the template sets one, else a generated one. */
    String name(String logicalId) {
        String cached = names.get(logicalId);
        if (cached != null) {
            return cached;
        }
        String type = type(logicalId);
        String property = ResourceIdentity.nameProperty(type);
        JsonNode raw = property == null ? null : resources.get(logicalId).path("Properties").get(property);
        String name;
        if (raw == null) {
            name = ResourceIdentity.isStack(type) ? stackName + "-" + logicalId
                    : ResourceIdentity.generatedName(type, stackName, logicalId);
        } else {
            String at = "Resources." + logicalId + ".Properties." + property;
            enter(at);
            name = scalar(resolve(raw, at), at);
            leave(at);
        }
        names.put(logicalId, name);
        return name;
    }

    /** The nested stack of an AWS::Serverless::Application or AWS::CloudFormation::Stack resource. */
    StackResolver nestedStack(String logicalId) {
        StackResolver child = nested.get(logicalId);
        if (child != null) {
            return child;
        }
        String type = type(logicalId);
        String locationField = "AWS::Serverless::Application".equals(type) ? "Location" : "TemplateURL";
        String at = "Resources." + logicalId + ".Properties";
        JsonNode properties = properties(logicalId);
        JsonNode location = properties.get(locationField);
        if (location == null || !location.isTextual() || location.textValue().contains("://")) {
            throw new TemplateException(template, at + "." + locationField, "must be a relative path to a template "
                    + "file; the local model cannot fetch " + (location == null ? "nothing" : location.toString()));
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.path("Parameters").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            values.put(entry.getKey(), ParameterValues.text(entry.getValue()));
        }
        child = nestedStacks.open(TemplateSource.resolve(template, location.textValue()), name(logicalId), values);
        nested.put(logicalId, child);
        return child;
    }

    /** The resolved Outputs whose Condition holds. */
    Map<String, JsonNode> outputs() {
        if (outputs != null) {
            return outputs;
        }
        outputs = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = document.path("Outputs").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String at = "Outputs." + entry.getKey();
            JsonNode condition = entry.getValue().get("Condition");
            if (condition != null && !condition(condition.asText(), at + ".Condition")) {
                continue;
            }
            outputs.put(entry.getKey(), resolve(entry.getValue().path("Value"), at + ".Value"));
        }
        outputs = Map.copyOf(outputs);
        return outputs;
    }

    /** Resolves every intrinsic function in {@code node}; {@code at} names the place for errors. */
    JsonNode resolve(JsonNode node, String at) {
        if (node.isObject()) {
            if (node.size() == 1) {
                String key = node.fieldNames().next();
                if ("Ref".equals(key) || key.startsWith("Fn::")) {
                    return intrinsic(key, node.get(key), at);
                }
            }
            ObjectNode out = Json.object();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                JsonNode value = resolve(entry.getValue(), at + "." + entry.getKey());
                if (value != NO_VALUE) {
                    out.set(entry.getKey(), value);
                }
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < node.size(); i++) {
                JsonNode value = resolve(node.get(i), at + "[" + i + "]");
                if (value != NO_VALUE) {
                    out.add(value);
                }
            }
            return out;
        }
        return node;
    }

    private JsonNode intrinsic(String function, JsonNode argument, String at) {
        String where = at + "." + function;
        return switch (function) {
            case "Ref" -> ref(scalar(argument, where), where);
            case "Fn::GetAtt" -> getAtt(argument, where);
            case "Fn::Sub" -> TextNode.valueOf(sub(argument, where));
            case "Fn::Join" -> join(argument, where);
            case "Fn::Select" -> select(argument, where);
            case "Fn::Split" -> split(argument, where);
            case "Fn::If" -> ifFunction(argument, where);
            case "Fn::FindInMap" -> findInMap(argument, where);
            case "Fn::Base64" -> TextNode.valueOf(Base64.getEncoder().encodeToString(
                    scalar(resolve(argument, where), where).getBytes(StandardCharsets.UTF_8)));
            case "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or" ->
                    JsonNodeFactory.instance.booleanNode(conditionValue(Json.object().set(function, argument), where));
            default -> throw new TemplateException(template, where, "intrinsic function " + function
                    + " is not supported by the local model");
        };
    }

    private JsonNode ref(String name, String at) {
        if (parameters.containsKey(name)) {
            return parameters.get(name);
        }
        JsonNode pseudo = pseudoParameter(name);
        if (pseudo != null) {
            return pseudo;
        }
        if (name.endsWith(ALIAS)) {
            return aliasArn(name.substring(0, name.length() - ALIAS.length()), at);
        }
        requireResource(name, at);
        String type = type(name);
        if (ResourceIdentity.isStack(type)) {
            return TextNode.valueOf(ResourceIdentity.stackArn(name(name)));
        }
        return TextNode.valueOf(ResourceIdentity.ref(type, name(name)));
    }

    /** SAM's {@code Ref <Function>.Alias}: the ARN of the alias that AutoPublishAlias publishes. */
    private JsonNode aliasArn(String function, String at) {
        requireResource(function, at);
        JsonNode alias = resources.get(function).path("Properties").get("AutoPublishAlias");
        if (!"AWS::Serverless::Function".equals(type(function)) || alias == null) {
            throw new TemplateException(template, at, "'" + function + ALIAS + "' needs an AWS::Serverless::Function"
                    + " with AutoPublishAlias");
        }
        return TextNode.valueOf(ResourceIdentity.arn(type(function), name(function)) + ":"
                + scalar(resolve(alias, at), at));
    }

    private JsonNode pseudoParameter(String name) {
        return switch (name) {
            case "AWS::Region" -> TextNode.valueOf(ResourceIdentity.REGION);
            case "AWS::AccountId" -> TextNode.valueOf(ResourceIdentity.ACCOUNT);
            case "AWS::Partition" -> TextNode.valueOf("aws");
            case "AWS::StackName" -> TextNode.valueOf(stackName);
            case "AWS::StackId" -> TextNode.valueOf(ResourceIdentity.stackArn(stackName));
            case "AWS::URLSuffix" -> TextNode.valueOf("amazonaws.com");
            case "AWS::NotificationARNs" -> JsonNodeFactory.instance.arrayNode();
            case "AWS::NoValue" -> NO_VALUE;
            default -> null;
        };
    }

    private void requireResource(String logicalId, String at) {
        if (!resources.containsKey(logicalId)) {
            throw new TemplateException(template, at, "'" + logicalId + "' is not a parameter, pseudo parameter or "
                    + "resource of this template");
        }
        if (!activeResources().contains(logicalId)) {
            throw new TemplateException(template, at, "resource '" + logicalId + "' is not created (its Condition is false)");
        }
    }

    private JsonNode getAtt(JsonNode argument, String at) {
        JsonNode resolved = resolve(argument, at);
        String resource;
        String attribute;
        if (resolved.isTextual() && resolved.textValue().contains(".")) {
            String text = resolved.textValue();
            resource = text.substring(0, text.indexOf('.'));
            attribute = text.substring(text.indexOf('.') + 1);
        } else if (resolved.isArray() && resolved.size() == 2) {
            resource = resolved.get(0).asText();
            attribute = resolved.get(1).asText();
        } else {
            throw new TemplateException(template, at, "expects [resource, attribute] or 'Resource.Attribute'");
        }
        return attribute(resource, attribute, at);
    }

    private JsonNode attribute(String logicalId, String attribute, String at) {
        if (!resources.containsKey(logicalId) && logicalId.endsWith("Role") && isSamImplicitRole(logicalId)) {
            // SAM creates <Function>Role / <StateMachine>Role when the template gives no role.
            String roleName = stackName + "-" + logicalId;
            String value = ResourceIdentity.attribute("AWS::IAM::Role", roleName, attribute);
            if (value != null) {
                return TextNode.valueOf(value);
            }
        }
        requireResource(logicalId, at);
        String type = type(logicalId);
        if (ResourceIdentity.isStack(type) && attribute.startsWith("Outputs.")) {
            String output = attribute.substring("Outputs.".length());
            Map<String, JsonNode> outputs = nestedStack(logicalId).outputs();
            if (!outputs.containsKey(output)) {
                throw new TemplateException(template, at, "nested stack " + logicalId + " has no output '" + output + "'");
            }
            return outputs.get(output);
        }
        String value = ResourceIdentity.attribute(type, name(logicalId), attribute);
        if (value == null) {
            throw new TemplateException(template, at, "the local model cannot resolve attribute '" + attribute
                    + "' of resource " + logicalId + " (" + type + ")");
        }
        return TextNode.valueOf(value);
    }

    private boolean isSamImplicitRole(String logicalId) {
        String owner = logicalId.substring(0, logicalId.length() - "Role".length());
        return resources.containsKey(owner) && type(owner).startsWith("AWS::Serverless::")
                && !resources.get(owner).path("Properties").has("Role");
    }

    private String sub(JsonNode argument, String at) {
        String text;
        Map<String, JsonNode> variables = new HashMap<>();
        if (argument.isTextual()) {
            text = argument.textValue();
        } else if (argument.isArray() && argument.size() == 2 && argument.get(0).isTextual()) {
            text = argument.get(0).textValue();
            JsonNode vars = resolve(argument.get(1), at + "[1]");
            vars.fields().forEachRemaining(e -> variables.put(e.getKey(), e.getValue()));
        } else {
            throw new TemplateException(template, at, "expects a string or [string, {variables}]");
        }
        Matcher m = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement;
            if (name.startsWith("!")) {
                replacement = "${" + name.substring(1) + "}";
            } else if (variables.containsKey(name)) {
                replacement = scalar(variables.get(name), at + " ${" + name + "}");
            } else if (name.contains(".") && !parameters.containsKey(name)) {
                int dot = name.indexOf('.');
                replacement = scalar(attribute(name.substring(0, dot), name.substring(dot + 1), at), at);
            } else {
                replacement = scalar(ref(name, at + " ${" + name + "}"), at + " ${" + name + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private JsonNode join(JsonNode argument, String at) {
        JsonNode resolved = resolve(argument, at);
        if (!resolved.isArray() || resolved.size() != 2 || !resolved.get(1).isArray()) {
            throw new TemplateException(template, at, "expects [delimiter, [values]]");
        }
        List<String> parts = new ArrayList<>();
        resolved.get(1).forEach(v -> parts.add(scalar(v, at)));
        return TextNode.valueOf(String.join(resolved.get(0).asText(), parts));
    }

    private JsonNode select(JsonNode argument, String at) {
        JsonNode resolved = resolve(argument, at);
        if (!resolved.isArray() || resolved.size() != 2 || !resolved.get(1).isArray()) {
            throw new TemplateException(template, at, "expects [index, [values]]");
        }
        int index = Integer.parseInt(resolved.get(0).asText());
        if (index < 0 || index >= resolved.get(1).size()) {
            throw new TemplateException(template, at, "index " + index + " is outside the list of "
                    + resolved.get(1).size());
        }
        return resolved.get(1).get(index);
    }

    private JsonNode split(JsonNode argument, String at) {
        JsonNode resolved = resolve(argument, at);
        if (!resolved.isArray() || resolved.size() != 2) {
            throw new TemplateException(template, at, "expects [delimiter, string]");
        }
        ArrayNode parts = JsonNodeFactory.instance.arrayNode();
        for (String part : scalar(resolved.get(1), at).split(Pattern.quote(resolved.get(0).asText()), -1)) {
            parts.add(part);
        }
        return parts;
    }

    private JsonNode ifFunction(JsonNode argument, String at) {
        if (!argument.isArray() || argument.size() != 3) {
            throw new TemplateException(template, at, "expects [condition, value if true, value if false]");
        }
        boolean holds = condition(argument.get(0).asText(), at);
        return holds ? resolve(argument.get(1), at + "[1]") : resolve(argument.get(2), at + "[2]");
    }

    private JsonNode findInMap(JsonNode argument, String at) {
        JsonNode resolved = resolve(argument, at);
        if (!resolved.isArray() || resolved.size() != 3) {
            throw new TemplateException(template, at, "expects [map, top-level key, second-level key]");
        }
        JsonNode value = document.path("Mappings").path(resolved.get(0).asText()).path(resolved.get(1).asText())
                .get(resolved.get(2).asText());
        if (value == null) {
            throw new TemplateException(template, at, "Mappings has no " + resolved.get(0).asText() + "."
                    + resolved.get(1).asText() + "." + resolved.get(2).asText());
        }
        return value;
    }

    /** Evaluates the named condition of the Conditions section. */
    boolean condition(String name, String at) {
        Boolean cached = conditions.get(name);
        if (cached != null) {
            return cached;
        }
        JsonNode definition = document.path("Conditions").get(name);
        if (definition == null) {
            throw new TemplateException(template, at, "no condition named '" + name + "' in Conditions");
        }
        String where = "Conditions." + name;
        enter(where);
        boolean value = conditionValue(definition, where);
        leave(where);
        conditions.put(name, value);
        return value;
    }

    private boolean conditionValue(JsonNode node, String at) {
        if (!node.isObject() || node.size() != 1) {
            throw new TemplateException(template, at, "a condition must be Fn::Equals, Fn::Not, Fn::And, Fn::Or or "
                    + "Condition");
        }
        String function = node.fieldNames().next();
        JsonNode argument = node.get(function);
        String where = at + "." + function;
        return switch (function) {
            case "Condition" -> condition(argument.asText(), where);
            case "Fn::Equals" -> {
                JsonNode values = resolve(argument, where);
                if (!values.isArray() || values.size() != 2) {
                    throw new TemplateException(template, where, "expects [value, value]");
                }
                yield values.get(0).asText().equals(values.get(1).asText());
            }
            case "Fn::Not" -> !conditionValue(argument.get(0), where + "[0]");
            case "Fn::Contains" -> {
                JsonNode values = resolve(argument, where);
                if (!values.isArray() || values.size() != 2 || !values.get(0).isArray()) {
                    throw new TemplateException(template, where, "expects [[values], value]");
                }
                boolean found = false;
                for (JsonNode value : values.get(0)) {
                    found |= value.asText().equals(values.get(1).asText());
                }
                yield found;
            }
            case "Fn::And", "Fn::Or" -> {
                boolean and = "Fn::And".equals(function);
                boolean result = and;
                for (int i = 0; i < argument.size(); i++) {
                    boolean value = conditionValue(argument.get(i), where + "[" + i + "]");
                    result = and ? result && value : result || value;
                }
                yield result;
            }
            default -> throw new TemplateException(template, where, "is not a condition function");
        };
    }

    private String scalar(JsonNode value, String at) {
        if (value == null || value.isContainerNode() || value.isMissingNode() || value.isNull()) {
            throw new TemplateException(template, at, "expects a string value, got " + value);
        }
        return value.asText();
    }

    private void enter(String at) {
        if (!inProgress.add(at)) {
            throw new TemplateException(template, at, "circular reference: " + at + " depends on itself");
        }
    }

    private void leave(String at) {
        inProgress.remove(at);
    }
}
