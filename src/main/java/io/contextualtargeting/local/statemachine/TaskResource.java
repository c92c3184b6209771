package io.contextualtargeting.local.statemachine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Resource of a Task state that the local executor supports: a Lambda function ARN, or the
 * {@code lambda:invoke}, {@code events:putEvents} and {@code sns:publish} integrations (request-response).
 */
public sealed interface TaskResource {
    Pattern FUNCTION_ARN = Pattern.compile("arn:aws[a-zA-Z-]*:lambda:([^:]*):(\\d{12}):function:([^:]+)(:[^:]+)?");

    /** The history-event prefix AWS uses: {@code LambdaFunction} for a function ARN, {@code Task} else. */
    String eventPrefix();

    /** Calls the service; {@code parameters} is the effective input. */
    JsonNode call(JsonNode parameters, TaskServices services, UUID requestId);

    /** Parses a Resource; an unsupported one (.sync, .waitForTaskToken, other services) is an IllegalArgumentException. */
    static TaskResource parse(String resource) {
        if (FUNCTION_ARN.matcher(resource).matches()) {
            return new LambdaFunction(unqualified(resource));
        }
        return switch (resource) {
            case "arn:aws:states:::lambda:invoke" -> new LambdaInvoke();
            case "arn:aws:states:::events:putEvents" -> new EventsPutEvents();
            case "arn:aws:states:::sns:publish" -> new SnsPublish();
            default -> throw new IllegalArgumentException("resource '" + resource + "' is not supported locally; "
                    + "supported: a Lambda function ARN, arn:aws:states:::lambda:invoke, "
                    + "arn:aws:states:::events:putEvents, arn:aws:states:::sns:publish (request-response only)");
        };
    }

    /** The function ARN without version or alias, for a function name or a (partial) ARN. */
    static String unqualified(String functionNameOrArn) {
        Matcher m = FUNCTION_ARN.matcher(functionNameOrArn);
        if (m.matches()) {
            return "arn:aws:lambda:" + m.group(1) + ":" + m.group(2) + ":function:" + m.group(3);
        }
        String name = functionNameOrArn.contains(":") ? functionNameOrArn.substring(0, functionNameOrArn.indexOf(':'))
                : functionNameOrArn;
        return "arn:aws:lambda:local:000000000000:function:" + name;
    }

    private static JsonNode invoke(TaskServices services, String functionArn, JsonNode payload) {
        try {
            return services.functions().invoke(functionArn, payload);
        } catch (FunctionError e) {
            throw e.toStatesError();
        } catch (StatesError e) {
            throw e;
        } catch (RuntimeException e) {
            // A handler exception that escaped the invoker: Lambda would report it the same way.
            throw FunctionError.of(e).toStatesError();
        }
    }

    private static String requiredText(JsonNode parameters, String field, String integration) {
        JsonNode value = parameters.get(field);
        if (value == null || value.isNull()) {
            throw StatesError.runtime(integration + ": the parameter '" + field + "' is missing");
        }
        return value.isTextual() ? value.textValue() : Json.text(value);
    }

    private static String optionalText(JsonNode parameters, String field) {
        JsonNode value = parameters.get(field);
        return value == null || value.isNull() ? null : value.isTextual() ? value.textValue() : Json.text(value);
    }

    /** Resource is a function ARN: the result is the function's output. */
    record LambdaFunction(String functionArn) implements TaskResource {
        public String eventPrefix() {
            return "LambdaFunction";
        }

        public JsonNode call(JsonNode parameters, TaskServices services, UUID requestId) {
            return invoke(services, functionArn, parameters);
        }
    }

    /** {@code arn:aws:states:::lambda:invoke}: the result wraps the output as AWS returns it. */
    record LambdaInvoke() implements TaskResource {
        public String eventPrefix() {
            return "Task";
        }

        public JsonNode call(JsonNode parameters, TaskServices services, UUID requestId) {
            String function = requiredText(parameters, "FunctionName", "lambda:invoke");
            JsonNode payload = parameters.has("Payload") ? parameters.get("Payload") : Json.object();
            JsonNode output = invoke(services, unqualified(function), payload);
            ObjectNode result = Json.object();
            result.put("ExecutedVersion", "$LATEST");
            result.set("Payload", output);
            ObjectNode http = result.putObject("SdkHttpMetadata");
            http.putObject("HttpHeaders").put("X-Amz-Executed-Version", "$LATEST")
                    .put("x-amzn-RequestId", requestId.toString());
            http.put("HttpStatusCode", 200);
            result.putObject("SdkResponseMetadata").put("RequestId", requestId.toString());
            result.put("StatusCode", 200);
            return result;
        }
    }

    /** {@code arn:aws:states:::events:putEvents}: result {@code {"Entries":[{"EventId":..}],"FailedEntryCount":0}}. */
    record EventsPutEvents() implements TaskResource {
        public String eventPrefix() {
            return "Task";
        }

        public JsonNode call(JsonNode parameters, TaskServices services, UUID requestId) {
            JsonNode entries = parameters.get("Entries");
            if (entries == null || !entries.isArray() || entries.isEmpty()) {
                throw StatesError.runtime("events:putEvents: the parameter 'Entries' must be a non-empty array");
            }
            List<EventPublisher.Entry> toPut = new ArrayList<>();
            for (JsonNode entry : entries) {
                JsonNode detail = entry.get("Detail");
                if (detail != null && detail.isTextual()) {
                    detail = parseDetail(detail.textValue());
                }
                List<String> resources = new ArrayList<>();
                entry.path("Resources").forEach(r -> resources.add(r.asText()));
                toPut.add(new EventPublisher.Entry(requiredText(entry, "Source", "events:putEvents"),
                        requiredText(entry, "DetailType", "events:putEvents"),
                        detail == null ? Json.object() : detail, optionalText(entry, "EventBusName"),
                        List.copyOf(resources)));
            }
            List<String> ids = services.events().putEvents(toPut);
            ObjectNode result = Json.object();
            ArrayNode resultEntries = result.putArray("Entries");
            ids.forEach(id -> resultEntries.addObject().put("EventId", id));
            result.put("FailedEntryCount", 0);
            return result;
        }

        private static JsonNode parseDetail(String text) {
            try {
                return Json.parse(text);
            } catch (IllegalArgumentException e) {
                throw new StatesError("EventBridge.EventBridgeException", "Detail is not valid JSON: " + e.getMessage());
            }
        }
    }

    /** {@code arn:aws:states:::sns:publish}: a non-string Message is sent as its JSON text, as on AWS. */
    record SnsPublish() implements TaskResource {
        public String eventPrefix() {
            return "Task";
        }

        public JsonNode call(JsonNode parameters, TaskServices services, UUID requestId) {
            String topicArn = requiredText(parameters, "TopicArn", "sns:publish");
            String message = requiredText(parameters, "Message", "sns:publish");
            String messageId = services.topics().publish(topicArn, optionalText(parameters, "Subject"), message);
            ObjectNode result = Json.object();
            result.put("MessageId", messageId);
            result.putObject("SdkResponseMetadata").put("RequestId", requestId.toString());
            return result;
        }
    }
}
