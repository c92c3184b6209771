package io.contextualtargeting.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.contextualtargeting.local.cloudformation.TemplateSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the names a template uses that CloudFormation could not resolve: a {@code Ref} or
 * {@code ${Name}} of {@code Fn::Sub} that is no parameter, pseudo parameter or resource; a
 * {@code Fn::GetAtt} (or {@code ${Resource.Attribute}}) of an attribute that the resource's type
 * does not have, or of a nested stack output that the nested template does not declare; a
 * condition name that the Conditions section lacks. It reads the template as written, so every
 * branch counts, whatever the parameters.
 */
final class TemplateReferences {
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");
    private static final Set<String> PSEUDO_PARAMETERS = Set.of("AWS::AccountId", "AWS::NotificationARNs",
            "AWS::NoValue", "AWS::Partition", "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix");
    private static final String NESTED_OUTPUT = "Outputs.";

    /** The Fn::GetAtt attributes of each resource type the templates use (CloudFormation resource reference). */
    private static final Map<String, Set<String>> ATTRIBUTES = Map.ofEntries(
            Map.entry("AWS::S3::Bucket", Set.of("Arn", "DomainName", "DualStackDomainName", "RegionalDomainName",
                    "WebsiteURL")),
            Map.entry("AWS::S3::BucketPolicy", Set.of()),
            Map.entry("AWS::Serverless::Function", Set.of("Arn", "SnapStartResponse.ApplyOn",
                    "SnapStartResponse.OptimizationStatus")),
            Map.entry("AWS::Lambda::Function", Set.of("Arn", "SnapStartResponse.ApplyOn",
                    "SnapStartResponse.OptimizationStatus")),
            Map.entry("AWS::Serverless::LayerVersion", Set.of()),
            Map.entry("Custom::PackagingCheck", Set.of()),
            Map.entry("AWS::Serverless::StateMachine", Set.of("Arn", "Name")),
            Map.entry("AWS::Events::EventBus", Set.of("Arn", "Name", "Policy")),
            Map.entry("AWS::Events::Rule", Set.of("Arn")),
            Map.entry("AWS::SNS::Topic", Set.of("TopicArn", "TopicName")),
            Map.entry("AWS::SNS::Subscription", Set.of("Arn")),
            Map.entry("AWS::IAM::Role", Set.of("Arn", "RoleId")),
            Map.entry("AWS::Logs::LogGroup", Set.of("Arn")),
            Map.entry("AWS::Pinpoint::App", Set.of("Arn")));

    private final String template;
    private final JsonNode document;
    private final Function<String, JsonNode> templates;
    private final List<String> problems = new ArrayList<>();

    /** @param templates reads another template (a nested stack's) by its path */
    private TemplateReferences(String template, JsonNode document, Function<String, JsonNode> templates) {
        this.template = template;
        this.document = document;
        this.templates = templates;
    }

    /** The unresolvable references of {@code document} (read from {@code template}), each naming its place. */
    static List<String> problems(String template, JsonNode document, Function<String, JsonNode> templates) {
        TemplateReferences references = new TemplateReferences(template, document, templates);
        for (String section : List.of("Resources", "Outputs", "Conditions", "Rules", "Globals")) {
            references.walk(document.path(section), section);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = document.path("Resources").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            references.condition(resource.getValue().get("Condition"), "Resources." + resource.getKey());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = document.path("Outputs").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> output = it.next();
            references.condition(output.getValue().get("Condition"), "Outputs." + output.getKey());
        }
        return List.copyOf(references.problems);
    }

    private void walk(JsonNode node, String at) {
        if (node.isObject() && node.size() == 1) {
            String key = node.fieldNames().next();
            JsonNode argument = node.get(key);
            switch (key) {
                case "Ref" -> ref(argument.asText(), at);
                case "Fn::GetAtt" -> getAtt(argument, at);
                case "Fn::Sub" -> sub(argument, at);
                case "Fn::If" -> condition(argument.path(0), at);
                case "Condition" -> condition(argument, at);
                default -> { }
            }
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> walk(e.getValue(), at + "." + e.getKey()));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), at + "[" + i + "]");
            }
        }
    }

    private void ref(String name, String at) {
        if (name.endsWith(".Alias")) {
            String function = name.substring(0, name.length() - ".Alias".length());
            JsonNode resource = document.path("Resources").path(function);
            if (!"AWS::Serverless::Function".equals(resource.path("Type").asText())
                    || !(resource.path("Properties").has("AutoPublishAlias")
                    || document.path("Globals").path("Function").has("AutoPublishAlias"))) {
                problems.add(template + " " + at + ": Ref " + name + " needs a function with AutoPublishAlias");
            }
            return;
        }
        if (!document.path("Parameters").has(name) && !PSEUDO_PARAMETERS.contains(name)
                && !document.path("Resources").has(name)) {
            problems.add(template + " " + at + ": Ref " + name + " is no parameter, pseudo parameter or resource");
        }
    }

    private void getAtt(JsonNode argument, String at) {
        if (argument.isArray() && argument.size() == 2 && argument.get(0).isTextual() && argument.get(1).isTextual()) {
            attribute(argument.get(0).asText(), argument.get(1).asText(), at);
        } else {
            problems.add(template + " " + at + ": Fn::GetAtt needs [resource, attribute], got " + argument);
        }
    }

    private void sub(JsonNode argument, String at) {
        String text = argument.isArray() ? argument.path(0).asText() : argument.asText();
        Set<String> local = new HashSet<>();
        argument.path(1).fieldNames().forEachRemaining(local::add);
        Matcher m = SUB_VARIABLE.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            if (name.startsWith("!") || local.contains(name)) {
                continue;
            }
            int dot = name.indexOf('.');
            if (dot > 0 && !document.path("Parameters").has(name)) {
                attribute(name.substring(0, dot), name.substring(dot + 1), at + " ${" + name + "}");
            } else {
                ref(name, at + " ${" + name + "}");
            }
        }
    }

    private void attribute(String logicalId, String attribute, String at) {
        JsonNode resource = document.path("Resources").get(logicalId);
        if (resource == null) {
            problems.add(template + " " + at + ": Fn::GetAtt of " + logicalId + ", which is no resource");
            return;
        }
        String type = resource.path("Type").asText();
        if ("AWS::Serverless::Application".equals(type) || "AWS::CloudFormation::Stack".equals(type)) {
            nestedOutput(resource, logicalId, attribute, at);
            return;
        }
        Set<String> known = ATTRIBUTES.get(type);
        if (known == null) {
            problems.add(template + " " + at + ": resource type " + type + " of " + logicalId
                    + " is not in the attribute table of " + TemplateReferences.class.getSimpleName() + "; add it");
        } else if (!known.contains(attribute)) {
            problems.add(template + " " + at + ": " + logicalId + " (" + type + ") has no attribute " + attribute
                    + "; it has " + known);
        }
    }

    private void nestedOutput(JsonNode stack, String logicalId, String attribute, String at) {
        if (!attribute.startsWith(NESTED_OUTPUT)) {
            problems.add(template + " " + at + ": nested stack " + logicalId + " has only Outputs.* attributes, not "
                    + attribute);
            return;
        }
        JsonNode location = stack.path("Properties").path(stack.path("Properties").has("Location") ? "Location" : "TemplateURL");
        String nested = TemplateSource.resolve(template, location.asText());
        String output = attribute.substring(NESTED_OUTPUT.length());
        if (!templates.apply(nested).path("Outputs").has(output)) {
            problems.add(template + " " + at + ": nested stack " + logicalId + " (" + nested + ") declares no output "
                    + output);
        }
    }

    private void condition(JsonNode name, String at) {
        if (name != null && name.isTextual() && !document.path("Conditions").has(name.asText())) {
            problems.add(template + " " + at + ": condition " + name.asText() + " is not in Conditions");
        }
    }
}
