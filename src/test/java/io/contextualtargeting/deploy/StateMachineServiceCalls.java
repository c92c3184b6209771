package io.contextualtargeting.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contextualtargeting.formats.Json;
import io.contextualtargeting.local.cloudformation.ResolvedTemplates.Resource;
import io.contextualtargeting.local.cloudformation.TemplateSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The AWS API calls that the state machines make themselves (Step Functions service integrations
 * such as {@code arn:aws:states:::events:putEvents}), each Task's Parameters turned into the request
 * Step Functions sends: the deployed DefinitionSubstitutions filled in, a JSONPath value ({@code "Arn.$"})
 * a value known only at run time, and a JSON object given for a string member (EventBridge's
 * {@code Detail}) serialized, as Step Functions does (its JSONPath values as sample texts).
 */
final class StateMachineServiceCalls {
    /** Service integrations in use, with botocore's service and operation. */
    static final Map<String, List<String>> INTEGRATIONS = Map.of(
            "arn:aws:states:::events:putEvents", List.of("events", "PutEvents"),
            "arn:aws:states:::sns:publish", List.of("sns", "Publish"));
    private static final String SERVICE_INTEGRATION = "arn:aws:states:::";

    private StateMachineServiceCalls() {
    }

    /** One Task's call: where it is, botocore's service and operation (null if unknown) and the request. */
    record Call(String where, String service, String operation, JsonNode request) {
    }

    /** The service-integration calls of every deployed state machine. */
    static List<Call> ofDeployedStateMachines() {
        List<Call> calls = new ArrayList<>();
        for (Resource machine : Repository.deployed("AWS::Serverless::StateMachine")) {
            String file = TemplateSource.resolve(machine.template(), machine.properties().path("DefinitionUri").asText());
            String definition = Repository.read(file);
            for (Map.Entry<String, JsonNode> substitution : machine.properties().path("DefinitionSubstitutions").properties()) {
                definition = definition.replace("${" + substitution.getKey() + "}", substitution.getValue().asText());
            }
            collect(file, parse(file, definition), calls);
        }
        return calls;
    }

    private static void collect(String where, JsonNode node, List<Call> calls) {
        if (node.isArray()) {
            node.forEach(item -> collect(where, item, calls));
            return;
        }
        String resource = node.path("Resource").asText();
        if ("Task".equals(node.path("Type").asText()) && resource.startsWith(SERVICE_INTEGRATION)) {
            calls.add(call(where, resource, node.path("Parameters")));
        }
        node.properties().forEach(child -> collect(where + "/" + child.getKey(), child.getValue(), calls));
    }

    private static Call call(String where, String resource, JsonNode parameters) {
        List<String> api = INTEGRATIONS.get(resource);
        if (api == null) {
            return new Call(where, null, resource, parameters);
        }
        BotocoreModel model = BotocoreModel.of(api.get(0));
        return new Call(where, api.get(0), api.get(1), request(model, model.inputShape(api.get(1)), parameters));
    }

    /** The request Step Functions builds from these Parameters for a member of this shape. */
    static JsonNode request(BotocoreModel model, String shapeName, JsonNode parameters) {
        JsonNode shape = model.shape(shapeName);
        switch (shape.path("type").asText()) {
            case "string" -> {
                return parameters.isContainerNode() ? JsonNodeFactory.instance.textNode(withSampleValues(parameters).toString())
                        : parameters;
            }
            case "list" -> {
                List<JsonNode> items = new ArrayList<>();
                parameters.forEach(item -> items.add(request(model, shape.path("member").path("shape").asText(), item)));
                return parameters.isArray() ? JsonNodeFactory.instance.arrayNode().addAll(items) : parameters;
            }
            case "structure" -> {
                if (!parameters.isObject()) {
                    return parameters;
                }
                ObjectNode request = JsonNodeFactory.instance.objectNode();
                parameters.properties().forEach(member -> {
                    if (member.getKey().endsWith(".$")) {
                        request.set(member.getKey().substring(0, member.getKey().length() - 2), MissingNode.getInstance());
                    } else {
                        JsonNode declared = shape.path("members").path(member.getKey()).path("shape");
                        request.set(member.getKey(), declared.isMissingNode() ? member.getValue()
                                : request(model, declared.asText(), member.getValue()));
                    }
                });
                return request;
            }
            default -> {
                return parameters;
            }
        }
    }

    /** Inside a serialized object, each JSONPath value becomes a sample text naming its path ({@code "<$.arn>"}). */
    private static JsonNode withSampleValues(JsonNode node) {
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(item -> items.add(withSampleValues(item)));
            return JsonNodeFactory.instance.arrayNode().addAll(items);
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        node.properties().forEach(member -> copy.set(member.getKey().replaceAll("\\.\\$$", ""), member.getKey().endsWith(".$")
                ? JsonNodeFactory.instance.textNode("<" + member.getValue().asText() + ">") : withSampleValues(member.getValue())));
        return copy;
    }

    private static JsonNode parse(String file, String definition) {
        try {
            return Json.mapper().readTree(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(file + " is not JSON once substituted", e);
        }
    }
}
