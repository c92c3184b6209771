package io.contextualtargeting.local.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import io.contextualtargeting.local.statemachine.AslParser;
import io.contextualtargeting.local.statemachine.Json;
import io.contextualtargeting.local.statemachine.TaskResource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads a root SAM/CloudFormation template and its nested stacks into a {@link CloudModel}:
 * the same templates that deploy to AWS, resolved to local values. State-machine definitions get
 * their DefinitionSubstitutions and are validated by the local executor's parser at load time.
 */
public final class TemplateLoader {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");
    private static final int SAM_DEFAULT_TIMEOUT = 3;
    private static final int SAM_DEFAULT_MEMORY = 128;

    private final TemplateSource source;

    public TemplateLoader(TemplateSource source) {
        this.source = source;
    }

    /** Loads {@code rootTemplate} as stack {@code stackName} with parameter overrides. */
    public CloudModel load(String rootTemplate, String stackName, Map<String, String> parameters) {
        List<CloudModel.Stack> stacks = new ArrayList<>();
        collect(open(rootTemplate, stackName, parameters), stacks);
        checkRuleTargets(stacks);
        checkTaskFunctions(stacks);
        return new CloudModel(List.copyOf(stacks));
    }

    private StackResolver open(String template, String stackName, Map<String, String> parameters) {
        JsonNode document = CfnYaml.parse(template, source.read(template));
        return new StackResolver(template, stackName, document, parameters, this::open);
    }

    /** The stack, then its nested stacks depth first in template order. */
    private void collect(StackResolver stack, List<CloudModel.Stack> into) {
        StackModelBuilder builder = new StackModelBuilder(stack);
        into.add(builder.build());
        for (String logicalId : stack.activeResources()) {
            if (ResourceIdentity.isStack(stack.type(logicalId))) {
                collect(stack.nestedStack(logicalId), into);
            }
        }
    }

    private static void checkRuleTargets(List<CloudModel.Stack> stacks) {
        Set<String> machines = new HashSet<>();
        stacks.forEach(s -> s.stateMachines().forEach(m -> machines.add(m.arn())));
        for (CloudModel.Stack stack : stacks) {
            for (CloudModel.EventRule rule : stack.rules()) {
                if (!machines.contains(rule.targetArn())) {
                    throw new TemplateException(stack.template(), "rule " + rule.name(), "targets " + rule.targetArn()
                            + "; only state machines of these templates can be rule targets locally");
                }
            }
        }
    }

    /** Every function a Task state names (its Resource, or lambda:invoke's literal FunctionName) is deployed. */
    private static void checkTaskFunctions(List<CloudModel.Stack> stacks) {
        Set<String> functions = new HashSet<>();
        stacks.forEach(s -> s.functions().forEach(f -> functions.add(f.arn())));
        for (CloudModel.Stack stack : stacks) {
            for (CloudModel.StateMachineResource machine : stack.stateMachines()) {
                List<String> called = new ArrayList<>();
                calledFunctions(machine.definition(), called);
                for (String function : called) {
                    if (!functions.contains(TaskResource.unqualified(function))) {
                        throw new TemplateException(stack.template(), "Resources." + machine.logicalId(),
                                "state machine " + machine.name() + " calls function " + function
                                        + ", which these templates do not define");
                    }
                }
            }
        }
    }

    private static void calledFunctions(JsonNode node, List<String> into) {
        if (node.isObject() && "Task".equals(node.path("Type").asText())) {
            String resource = node.path("Resource").asText();
            JsonNode functionName = node.path("Parameters").get("FunctionName");
            if (TaskResource.FUNCTION_ARN.matcher(resource).matches()) {
                into.add(resource);
            } else if (resource.startsWith("arn:aws:states:::lambda:invoke") && functionName != null
                    && functionName.isTextual()) {
                into.add(functionName.textValue());
            }
        }
        node.forEach(child -> calledFunctions(child, into));
    }

    /** Turns the resolved resources of one stack into model records. */
    private final class StackModelBuilder {
        private final StackResolver stack;
        private final List<CloudModel.LambdaFunction> functions = new ArrayList<>();
        private final List<CloudModel.Bucket> buckets = new ArrayList<>();
        private final List<CloudModel.EventBus> buses = new ArrayList<>();
        private final List<CloudModel.Topic> topics = new ArrayList<>();
        private final List<CloudModel.StateMachineResource> machines = new ArrayList<>();
        private final List<CloudModel.EventRule> rules = new ArrayList<>();

        StackModelBuilder(StackResolver stack) {
            this.stack = stack;
        }

        CloudModel.Stack build() {
            for (String id : stack.activeResources()) {
                String type = stack.type(id);
                JsonNode properties = stack.properties(id);
                String name = stack.name(id);
                String arn = ResourceIdentity.arn(type, name);
                switch (type) {
                    case "AWS::Serverless::Function", "AWS::Lambda::Function" -> {
                        if (!isDeployTimeHelper(properties)) {
                            functions.add(function(id, properties, name, arn));
                        }
                    }
                    case "AWS::S3::Bucket" -> buckets.add(new CloudModel.Bucket(stack.stackName(), id, name, arn,
                            properties.path("NotificationConfiguration").path("EventBridgeConfiguration")
                                    .path("EventBridgeEnabled").asBoolean(false)));
                    case "AWS::Events::EventBus" -> buses.add(new CloudModel.EventBus(stack.stackName(), id, name, arn));
                    case "AWS::SNS::Topic" -> topics.add(new CloudModel.Topic(stack.stackName(), id, name, arn));
                    case "AWS::Serverless::StateMachine", "AWS::StepFunctions::StateMachine" ->
                            stateMachine(id, type, properties, name, arn);
                    case "AWS::Events::Rule" -> eventsRule(id, properties, name);
                    default -> {
                        // Roles, policies, log groups, permissions...: resolved (so errors surface) but not run locally.
                    }
                }
            }
            return new CloudModel.Stack(stack.stackName(), stack.template(), Map.copyOf(stack.parameters()),
                    stack.outputs(), List.copyOf(functions), List.copyOf(buckets), List.copyOf(buses),
                    List.copyOf(topics), List.copyOf(machines), List.copyOf(rules));
        }

        /**
         * A function whose code is written in the template and that names no project handler (a
         * deploy-time helper such as the packaging check behind a custom resource) runs no workflow:
         * it is not run locally.
         */
        private static boolean isDeployTimeHelper(JsonNode properties) {
            boolean inline = properties.has("InlineCode") || properties.path("Code").has("ZipFile");
            return inline && !properties.path("Environment").path("Variables").has("QUARKUS_LAMBDA_HANDLER");
        }

        private CloudModel.LambdaFunction function(String id, JsonNode properties, String name, String arn) {
            if (!properties.path("Events").isEmpty()) {
                // Ignoring them would silently drop a trigger the cloud deployment has.
                throw new TemplateException(stack.template(), "Resources." + id + ".Properties.Events",
                        "function event sources are not run locally; start workflows with an EventBridgeRule event "
                                + "of a state machine");
            }
            Map<String, String> environment = new LinkedHashMap<>();
            properties.path("Environment").path("Variables").fields()
                    .forEachRemaining(e -> environment.put(e.getKey(), e.getValue().asText()));
            return new CloudModel.LambdaFunction(stack.stackName(), id, name, arn, Map.copyOf(environment),
                    properties.path("Timeout").asInt(SAM_DEFAULT_TIMEOUT),
                    properties.path("MemorySize").asInt(SAM_DEFAULT_MEMORY));
        }

        private void stateMachine(String id, String type, JsonNode properties, String name, String arn) {
            String at = "Resources." + id + ".Properties";
            boolean sam = type.startsWith("AWS::Serverless::");
            String text = definitionText(id, properties, at);
            JsonNode definition = substitute(text, properties.path("DefinitionSubstitutions"), at);
            AslParser.parse(name, definition);
            String roleArn = properties.path(sam ? "Role" : "RoleArn").asText(
                    ResourceIdentity.arn("AWS::IAM::Role", stack.stackName() + "-" + id + "Role"));
            machines.add(new CloudModel.StateMachineResource(stack.stackName(), id, name, arn, roleArn, definition));
            for (Iterator<Map.Entry<String, JsonNode>> it = properties.path("Events").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> event = it.next();
                samEvent(id, event.getKey(), event.getValue(), arn, at + ".Events." + event.getKey());
            }
        }

        private String definitionText(String id, JsonNode properties, String at) {
            List<String> given = new ArrayList<>();
            for (String field : List.of("Definition", "DefinitionString", "DefinitionUri", "DefinitionS3Location")) {
                if (properties.has(field)) {
                    given.add(field);
                }
            }
            if (given.size() != 1) {
                throw new TemplateException(stack.template(), at, "state machine " + id + " needs exactly one of "
                        + "Definition, DefinitionString, DefinitionUri; found " + given);
            }
            JsonNode value = properties.get(given.get(0));
            return switch (given.get(0)) {
                case "Definition" -> Json.text(value);
                case "DefinitionString" -> value.asText();
                case "DefinitionUri" -> {
                    if (!value.isTextual() || value.textValue().contains("://")) {
                        throw new TemplateException(stack.template(), at + ".DefinitionUri",
                                "must be a path relative to the template; the local model cannot fetch " + value);
                    }
                    yield source.read(TemplateSource.resolve(stack.template(), value.textValue()));
                }
                default -> throw new TemplateException(stack.template(), at + ".DefinitionS3Location",
                        "is not supported locally; use DefinitionUri with a relative path");
            };
        }

        /** Replaces each {@code ${Name}}; a placeholder without value, or a value never used, is an error. */
        private JsonNode substitute(String text, JsonNode substitutions, String at) {
            Set<String> unused = new HashSet<>();
            substitutions.fieldNames().forEachRemaining(unused::add);
            Matcher m = PLACEHOLDER.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String name = m.group(1);
                JsonNode value = substitutions.get(name);
                if (value == null) {
                    throw new TemplateException(stack.template(), at + ".DefinitionSubstitutions",
                            "the definition uses ${" + name + "} but DefinitionSubstitutions has no " + name);
                }
                unused.remove(name);
                String replacement = value.isTextual() ? value.textValue() : Json.text(value);
                // Placeholders stand inside JSON strings: escape the value as string content.
                String escaped = Json.text(Json.MAPPER.getNodeFactory().textNode(replacement));
                m.appendReplacement(out, Matcher.quoteReplacement(escaped.substring(1, escaped.length() - 1)));
            }
            m.appendTail(out);
            if (!unused.isEmpty()) {
                throw new TemplateException(stack.template(), at + ".DefinitionSubstitutions",
                        "substitutions " + unused.stream().sorted().toList() + " are never used by the definition");
            }
            try {
                return Json.parse(out.toString());
            } catch (IllegalArgumentException e) {
                throw new TemplateException(stack.template(), at, "the definition is not valid JSON after "
                        + "substitution: " + e.getMessage());
            }
        }

        private void samEvent(String machineId, String eventId, JsonNode event, String machineArn, String at) {
            String type = event.path("Type").asText();
            if (!"EventBridgeRule".equals(type) && !"CloudWatchEvent".equals(type)) {
                throw new TemplateException(stack.template(), at + ".Type", "event type '" + type
                        + "' is not supported locally; only EventBridgeRule is");
            }
            JsonNode p = event.path("Properties");
            rejectUnsupportedTargetFields(p, at + ".Properties");
            String name = p.has("RuleName") ? p.get("RuleName").asText()
                    : stack.stackName() + "-" + machineId + eventId;
            rules.add(new CloudModel.EventRule(stack.stackName(), name, CloudModel.busName(textOrNull(p.get("EventBusName"))),
                    pattern(p.get("Pattern"), at + ".Properties.Pattern"), machineArn, textOrNull(p.get("InputPath")),
                    input(p.get("Input"), at + ".Properties.Input")));
        }

        private void eventsRule(String id, JsonNode p, String name) {
            String at = "Resources." + id + ".Properties";
            if (p.has("ScheduleExpression")) {
                throw new TemplateException(stack.template(), at + ".ScheduleExpression",
                        "scheduled rules are not supported locally");
            }
            if ("DISABLED".equals(p.path("State").asText("ENABLED"))) {
                return;
            }
            JsonNode targets = p.path("Targets");
            for (int i = 0; i < targets.size(); i++) {
                JsonNode target = targets.get(i);
                String where = at + ".Targets[" + i + "]";
                rejectUnsupportedTargetFields(target, where);
                rules.add(new CloudModel.EventRule(stack.stackName(), name, CloudModel.busName(textOrNull(p.get("EventBusName"))),
                        pattern(p.get("EventPattern"), at + ".EventPattern"), target.path("Arn").asText(),
                        textOrNull(target.get("InputPath")), input(target.get("Input"), where + ".Input")));
            }
        }

        private void rejectUnsupportedTargetFields(JsonNode p, String at) {
            if (p.has("InputTransformer")) {
                throw new TemplateException(stack.template(), at + ".InputTransformer",
                        "is not supported locally; use InputPath or Input");
            }
        }

        private String pattern(JsonNode pattern, String at) {
            if (pattern == null || !pattern.isObject()) {
                throw new TemplateException(stack.template(), at, "an event pattern (JSON object) is required");
            }
            return Json.text(pattern);
        }

        /** Input is a JSON text constant in CloudFormation; keep it parsed. */
        private JsonNode input(JsonNode input, String at) {
            if (input == null) {
                return null;
            }
            try {
                return input.isTextual() ? Json.parse(input.textValue()) : input;
            } catch (IllegalArgumentException e) {
                throw new TemplateException(stack.template(), at, "is not valid JSON: " + e.getMessage());
            }
        }
    }

    private static String textOrNull(JsonNode node) {
        return node == null ? null : node.asText();
    }
}
