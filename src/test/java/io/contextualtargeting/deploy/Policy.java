package io.contextualtargeting.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.contextualtargeting.local.cloudformation.ResolvedTemplates;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The permissions of a function or state machine as its template's {@code Policies} give them
 * (resolved with the local model's sample region and account): inline statements, and the SAM
 * policy templates this project uses expanded as SAM expands them. Evaluates requests as IAM does
 * for one identity policy: an explicit Deny wins, else some Allow must match action, resource and
 * every condition.
 */
final class Policy {
    private final List<Statement> statements;

    private Policy(List<Statement> statements) {
        this.statements = List.copyOf(statements);
    }

    /** One statement: Allow or Deny of action patterns on resource patterns, with its Condition block. */
    record Statement(boolean allow, List<String> actions, List<String> resources, JsonNode condition) {
        boolean matches(ApiCall call) {
            return actions.stream().anyMatch(a -> wildcard(a.toLowerCase(Locale.ROOT)).matcher(
                    call.action().toLowerCase(Locale.ROOT)).matches())
                    && resources.stream().anyMatch(r -> wildcard(r).matcher(call.resource()).matches())
                    && conditionHolds(call);
        }

        private boolean conditionHolds(ApiCall call) {
            for (Iterator<Map.Entry<String, JsonNode>> ops = condition.fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                for (Iterator<Map.Entry<String, JsonNode>> keys = op.getValue().fields(); keys.hasNext(); ) {
                    Map.Entry<String, JsonNode> key = keys.next();
                    String actual = call.context().get(key.getKey());
                    if (actual == null || texts(key.getValue()).stream().noneMatch(v -> compare(op.getKey(), v, actual))) {
                        return false;
                    }
                }
            }
            return true;
        }

        private static boolean compare(String operator, String expected, String actual) {
            return switch (operator) {
                case "StringEquals", "ArnEquals", "Bool" -> expected.equals(actual);
                case "StringLike", "ArnLike" -> wildcard(expected).matcher(actual).matches();
                default -> throw new IllegalArgumentException("condition operator " + operator
                        + " is not evaluated by " + Policy.class.getSimpleName() + "; add it");
            };
        }
    }

    /** The policy of the resource's {@code Policies} property (a SAM function or state machine). */
    static Policy of(ResolvedTemplates.Resource resource) {
        List<Statement> statements = new ArrayList<>();
        for (JsonNode entry : resource.properties().path("Policies")) {
            if (!entry.isObject() || entry.size() != 1) {
                throw new IllegalArgumentException(resource.logicalId() + ": policy entry " + entry
                        + " is neither a Statement block nor one SAM policy template");
            }
            String kind = entry.fieldNames().next();
            if ("Statement".equals(kind)) {
                entry.get(kind).forEach(s -> statements.add(statement(s)));
            } else {
                statements.add(samTemplate(kind, entry.get(kind)));
            }
        }
        return new Policy(statements);
    }

    /** The policy of an AWS::IAM::Role: the statements of its inline {@code Policies}. */
    static Policy ofRole(ResolvedTemplates.Resource role) {
        List<Statement> statements = new ArrayList<>();
        role.properties().path("Policies").forEach(p -> p.path("PolicyDocument").path("Statement")
                .forEach(s -> statements.add(statement(s))));
        return new Policy(statements);
    }

    static Policy of(List<Statement> statements) {
        return new Policy(statements);
    }

    List<Statement> statements() {
        return statements;
    }

    /** Whether IAM would allow the call. */
    boolean allows(ApiCall call) {
        return statements.stream().noneMatch(s -> !s.allow() && s.matches(call))
                && statements.stream().anyMatch(s -> s.allow() && s.matches(call));
    }

    /** A copy that no longer grants this action (to show what a missing grant does). */
    Policy without(String action) {
        return new Policy(statements.stream()
                .map(s -> new Statement(s.allow(), s.actions().stream().filter(a -> !a.equals(action)).toList(),
                        s.resources(), s.condition()))
                .filter(s -> !s.actions().isEmpty()).toList());
    }

    static Statement statement(JsonNode s) {
        if (s.has("NotAction") || s.has("NotResource") || s.has("Principal")) {
            throw new IllegalArgumentException("statement " + s + ": NotAction, NotResource and Principal are not"
                    + " evaluated by " + Policy.class.getSimpleName());
        }
        return new Statement(!"Deny".equals(s.path("Effect").asText()), texts(s.path("Action")),
                texts(s.path("Resource")), s.path("Condition"));
    }

    /** SAM's policy templates (policy_templates.json of the SAM translator), for the ones this project uses. */
    private static Statement samTemplate(String name, JsonNode parameters) {
        String prefix = "arn:aws:%s:" + ResolvedTemplates.REGION + ":" + ResolvedTemplates.ACCOUNT + ":";
        return switch (name) {
            case "SNSPublishMessagePolicy" -> allow("sns:Publish",
                    prefix.formatted("sns") + parameters.path("TopicName").asText());
            case "LambdaInvokePolicy" -> allow("lambda:InvokeFunction",
                    prefix.formatted("lambda") + "function:" + parameters.path("FunctionName").asText() + "*");
            case "EventBridgePutEventsPolicy" -> allow("events:PutEvents",
                    prefix.formatted("events") + "event-bus/" + parameters.path("EventBusName").asText());
            default -> throw new IllegalArgumentException("SAM policy template " + name + " is not expanded by "
                    + Policy.class.getSimpleName() + "; add its statement");
        };
    }

    private static Statement allow(String action, String resource) {
        return new Statement(true, List.of(action), List.of(resource), MissingNode.getInstance());
    }

    private static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> texts.add(n.asText()));
        } else if (!node.isMissingNode()) {
            texts.add(node.asText());
        }
        return texts;
    }

    /** IAM's wildcards: {@code *} any run of characters, {@code ?} one character. */
    static Pattern wildcard(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.split("(?<=[*?])|(?=[*?])")) {
            regex.append(switch (part) {
                case "*" -> ".*";
                case "?" -> ".";
                default -> Pattern.quote(part);
            });
        }
        return Pattern.compile(regex.toString());
    }
}
