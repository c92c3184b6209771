package io.contextualtargeting.local.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import io.contextualtargeting.local.statemachine.AslParser;
import io.contextualtargeting.local.statemachine.StateMachine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a loaded template (with its nested stacks) deploys, resolved to local values: the stacks
 * with their parameters and outputs, and the functions, buckets, event buses, topics, state
 * machines and event rules of all of them (root stack first, then nested stacks in template order).
 */
public record CloudModel(List<Stack> stacks) {
    /** The region of every resource of the local model. */
    public static final String REGION = ResourceIdentity.REGION;


    /** One stack: its template, resolved parameters, outputs and resources. */
    public record Stack(String name, String template, Map<String, JsonNode> parameters, Map<String, JsonNode> outputs,
                        List<LambdaFunction> functions, List<Bucket> buckets, List<EventBus> buses,
                        List<Topic> topics, List<StateMachineResource> stateMachines, List<EventRule> rules) {
    }

    /** A Lambda function; {@code environment} is after SAM Globals and intrinsics. */
    public record LambdaFunction(String stack, String logicalId, String name, String arn,
                                 Map<String, String> environment, int timeoutSeconds, int memorySize) {
        /** The @Named handler the function runs ({@code QUARKUS_LAMBDA_HANDLER}), if set. */
        public Optional<String> handler() {
            return Optional.ofNullable(environment.get("QUARKUS_LAMBDA_HANDLER"));
        }
    }

    /** An S3 bucket and whether it sends its events to EventBridge. */
    public record Bucket(String stack, String logicalId, String name, String arn, boolean eventBridgeEnabled) {
    }

    /** A custom event bus. */
    public record EventBus(String stack, String logicalId, String name, String arn) {
    }

    /** An SNS topic. */
    public record Topic(String stack, String logicalId, String name, String arn) {
    }

    /** A state machine with its definition after DefinitionSubstitutions (validated at load). */
    public record StateMachineResource(String stack, String logicalId, String name, String arn, String roleArn,
                                       JsonNode definition) {
        /** The executable machine. */
        public StateMachine toStateMachine() {
            return new StateMachine(name, arn, AslParser.parse(name, definition), roleArn);
        }
    }

    /**
     * An event rule whose target is a state machine: a SAM EventBridgeRule event or an
     * AWS::Events::Rule target. {@code input} (a constant) or {@code inputPath} shape what the
     * target receives; both null means the whole event.
     */
    public record EventRule(String stack, String name, String eventBusName, String pattern, String targetArn,
                            String inputPath, JsonNode input) {
    }

    /** A bus given by name or ARN, as rules and PutEvents accept both; null or empty is the default bus. */
    public static String busName(String nameOrArn) {
        if (nameOrArn == null || nameOrArn.isEmpty()) {
            return "default";
        }
        int at = nameOrArn.indexOf(":event-bus/");
        return at < 0 ? nameOrArn : nameOrArn.substring(at + ":event-bus/".length());
    }

    public Stack root() {
        return stacks.get(0);
    }

    public List<LambdaFunction> functions() {
        return all(Stack::functions);
    }

    public List<Bucket> buckets() {
        return all(Stack::buckets);
    }

    public List<EventBus> buses() {
        return all(Stack::buses);
    }

    public List<Topic> topics() {
        return all(Stack::topics);
    }

    public List<StateMachineResource> stateMachines() {
        return all(Stack::stateMachines);
    }

    public List<EventRule> rules() {
        return all(Stack::rules);
    }

    /** The function with this name or ARN, the ARN possibly qualified by an alias or version. */
    public Optional<LambdaFunction> function(String nameOrArn) {
        return functions().stream().filter(f -> f.name().equals(nameOrArn) || f.arn().equals(nameOrArn)
                || nameOrArn.startsWith(f.arn() + ":")).findFirst();
    }

    /** The state machine with this name, ARN or logical id. */
    public Optional<StateMachineResource> stateMachine(String id) {
        return stateMachines().stream()
                .filter(m -> m.name().equals(id) || m.arn().equals(id) || m.logicalId().equals(id)).findFirst();
    }

    /** The bucket with this name or logical id. */
    public Optional<Bucket> bucket(String id) {
        return buckets().stream().filter(b -> b.name().equals(id) || b.logicalId().equals(id)).findFirst();
    }

    private <T> List<T> all(Function<Stack, List<T>> part) {
        List<T> all = new ArrayList<>();
        stacks.forEach(s -> all.addAll(part.apply(s)));
        return List.copyOf(all);
    }
}
