package io.contextualtargeting.local.statemachine;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Parses and validates an Amazon States Language definition (JSONPath query language) into
 * {@link StateMachineDefinition}. Everything the local executor cannot run, and what Step Functions
 * itself rejects (missing targets, unreachable states, misplaced States.ALL, ...), fails here with
 * the machine, the state and the field named.
 */
public final class AslParser {
    private static final int MAX_STATE_NAME = 80;
    private static final List<String> OPERATOR_FIELDS = operatorFields();

    private final String machine;
    private final Set<String> allStateNames = new HashSet<>();

    private AslParser(String machine) {
        this.machine = machine;
    }

    public static StateMachineDefinition parse(String machineName, String json) {
        JsonNode node;
        try {
            node = Json.parse(json);
        } catch (IllegalArgumentException e) {
            throw new AslDefinitionException(machineName, "definition", "is not valid JSON: " + e.getMessage());
        }
        return parse(machineName, node);
    }

    public static StateMachineDefinition parse(String machineName, JsonNode definition) {
        if (Json.text(definition).contains("$$.Task.Token")) {
            throw new AslDefinitionException(machineName, "definition", "uses $$.Task.Token: callback tasks "
                    + "(.waitForTaskToken) do not run locally");
        }
        AslParser parser = new AslParser(machineName);
        DefinitionFields fields = new DefinitionFields(machineName, "definition", definition);
        fields.optionalText("Comment");
        fields.optionalText("Version");
        parser.queryLanguage(fields);
        Integer timeout = fields.optionalInt("TimeoutSeconds", 1);
        State.Scope root = parser.scope(fields, "");
        fields.rejectUnread();
        return new StateMachineDefinition(machineName, root, timeout);
    }

    private void queryLanguage(DefinitionFields fields) {
        String language = fields.optionalText("QueryLanguage");
        if (language != null && !"JSONPath".equals(language)) {
            throw fields.error("QueryLanguage", "'" + language + "' is not supported locally; only JSONPath is");
        }
    }

    private State.Scope scope(DefinitionFields fields, String prefix) {
        String startAt = fields.text("StartAt");
        JsonNode statesNode = fields.get("States");
        if (statesNode == null || !statesNode.isObject() || statesNode.isEmpty()) {
            throw fields.error("States", "must be a non-empty object");
        }
        Map<String, State> states = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = statesNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            String where = "States." + name;
            if (name.isEmpty() || name.length() > MAX_STATE_NAME) {
                throw new AslDefinitionException(machine, where, "a state name must have 1 to 80 characters");
            }
            if (!allStateNames.add(name)) {
                throw new AslDefinitionException(machine, where, "state names must be unique in the whole state machine");
            }
            states.put(name, state(name, new DefinitionFields(machine, where, entry.getValue())));
        }
        if (!states.containsKey(startAt)) {
            throw fields.error("StartAt", "names state '" + startAt + "', which does not exist" + where(prefix));
        }
        State.Scope scope = new State.Scope(startAt, Map.copyOf(states));
        checkTransitions(scope);
        return scope;
    }

    private static String where(String prefix) {
        return prefix.isEmpty() ? "" : " in " + prefix;
    }

    private State state(String name, DefinitionFields f) {
        String type = f.text("Type");
        f.optionalText("Comment");
        queryLanguage(f);
        State state = switch (type) {
            case "Task" -> task(name, f);
            case "Pass" -> new State.Pass(name, flow(f, true, true, false, true), f.get("Result"), transition(f));
            case "Choice" -> choice(name, f);
            case "Wait" -> waitState(name, f);
            case "Succeed" -> new State.Succeed(name, flow(f, false, false, false, false));
            case "Fail" -> fail(name, f);
            case "Parallel" -> parallel(name, f);
            case "Map" -> map(name, f);
            default -> throw f.error("Type", "'" + type + "' is not a state type");
        };
        f.rejectUnread();
        return state;
    }

    /** InputPath and OutputPath always; the other fields when the state type has them. */
    private DataFlow flow(DefinitionFields f, boolean parameters, boolean resultPath, boolean resultSelector,
                          boolean allowResultPath) {
        DataFlow.DataPath inputPath = dataPath(f, "InputPath");
        DataFlow.DataPath outputPath = dataPath(f, "OutputPath");
        PayloadTemplate params = parameters ? template(f, "Parameters") : null;
        PayloadTemplate selector = resultSelector ? template(f, "ResultSelector") : null;
        DataFlow.ResultTarget target = resultPath && allowResultPath ? resultTarget(f, "ResultPath") : null;
        return new DataFlow(inputPath, params, selector, target, outputPath);
    }

    private DataFlow.DataPath dataPath(DefinitionFields f, String field) {
        if (!f.has(field)) {
            return DataFlow.DataPath.DEFAULT;
        }
        if (f.isNull(field)) {
            return DataFlow.DataPath.EMPTY;
        }
        return new DataFlow.DataPath(compile(f, field, PathExpression::compile));
    }

    private DataFlow.ResultTarget resultTarget(DefinitionFields f, String field) {
        if (!f.has(field)) {
            return DataFlow.ResultTarget.DEFAULT;
        }
        if (f.isNull(field)) {
            return DataFlow.ResultTarget.DISCARD;
        }
        return new DataFlow.ResultTarget(compile(f, field, ReferencePath::parse));
    }

    private PayloadTemplate template(DefinitionFields f, String field) {
        JsonNode value = f.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            throw f.error(field, "must be a JSON object");
        }
        try {
            return PayloadTemplate.compile(value, f.where() + "." + field);
        } catch (IllegalArgumentException e) {
            throw f.error(field, e.getMessage());
        }
    }

    private static <T> T compile(DefinitionFields f, String field, Function<String, T> compiler) {
        String text = f.text(field);
        try {
            return compiler.apply(text);
        } catch (IllegalArgumentException e) {
            throw f.error(field, e.getMessage());
        }
    }

    private State.Transition transition(DefinitionFields f) {
        String next = f.optionalText("Next");
        JsonNode end = f.get("End");
        boolean isEnd = end != null && end.asBoolean(false);
        if (end != null && !end.isBoolean()) {
            throw f.error("End", "must be true or false");
        }
        if (next == null && !isEnd) {
            throw f.error(null, "needs Next or \"End\": true");
        }
        if (next != null && isEnd) {
            throw f.error(null, "must not have both Next and \"End\": true");
        }
        return new State.Transition(next);
    }

    private State task(String name, DefinitionFields f) {
        String resourceText = f.text("Resource");
        TaskResource resource = compile(f, "Resource", TaskResource::parse);
        DataFlow io = flow(f, true, true, true, true);
        if (!(resource instanceof TaskResource.LambdaFunction) && io.parameters() == null) {
            throw f.error("Parameters", "are required by " + resourceText);
        }
        Integer timeout = f.optionalInt("TimeoutSeconds", 1);
        Integer heartbeat = f.optionalInt("HeartbeatSeconds", 1);
        if (heartbeat != null && timeout != null && heartbeat >= timeout) {
            throw f.error("HeartbeatSeconds", "must be smaller than TimeoutSeconds");
        }
        return new State.Task(name, io, resource, timeout, errorHandling(f), transition(f));
    }

    private State.ErrorHandling errorHandling(DefinitionFields f) {
        List<State.Retrier> retriers = new ArrayList<>();
        JsonNode retry = f.get("Retry");
        if (retry != null) {
            requireArray(f, "Retry", retry);
            for (int i = 0; i < retry.size(); i++) {
                retriers.add(retrier(new DefinitionFields(machine, f.where() + ".Retry[" + i + "]", retry.get(i)),
                        i == retry.size() - 1));
            }
        }
        List<State.Catcher> catchers = new ArrayList<>();
        JsonNode catchNode = f.get("Catch");
        if (catchNode != null) {
            requireArray(f, "Catch", catchNode);
            for (int i = 0; i < catchNode.size(); i++) {
                DefinitionFields c = new DefinitionFields(machine, f.where() + ".Catch[" + i + "]", catchNode.get(i));
                c.optionalText("Comment");
                List<String> errors = errorEquals(c, i == catchNode.size() - 1);
                String next = c.text("Next");
                DataFlow.ResultTarget resultPath = resultTarget(c, "ResultPath");
                c.rejectUnread();
                catchers.add(new State.Catcher(errors, next, resultPath));
            }
        }
        return retriers.isEmpty() && catchers.isEmpty() ? State.ErrorHandling.NONE
                : new State.ErrorHandling(List.copyOf(retriers), List.copyOf(catchers));
    }

    private static void requireArray(DefinitionFields f, String field, JsonNode node) {
        if (!node.isArray()) {
            throw f.error(field, "must be an array");
        }
    }

    private State.Retrier retrier(DefinitionFields r, boolean last) {
        r.optionalText("Comment");
        List<String> errors = errorEquals(r, last);
        Integer interval = r.optionalInt("IntervalSeconds", 1);
        Integer maxAttempts = r.optionalInt("MaxAttempts", 0);
        Double backoff = r.optionalNumber("BackoffRate", 1.0);
        Integer maxDelay = r.optionalInt("MaxDelaySeconds", 1);
        String jitter = r.optionalText("JitterStrategy");
        if (jitter != null && !"FULL".equals(jitter) && !"NONE".equals(jitter)) {
            throw r.error("JitterStrategy", "must be FULL or NONE");
        }
        r.rejectUnread();
        return new State.Retrier(errors, interval == null ? 1 : interval, maxAttempts == null ? 3 : maxAttempts,
                backoff == null ? 2.0 : backoff, maxDelay, "FULL".equals(jitter));
    }

    private static List<String> errorEquals(DefinitionFields f, boolean last) {
        JsonNode node = f.get("ErrorEquals");
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw f.error("ErrorEquals", "must be a non-empty array of error names");
        }
        List<String> names = new ArrayList<>();
        node.forEach(n -> names.add(n.asText()));
        if (names.contains(ErrorNames.ALL) && (names.size() > 1 || !last)) {
            throw f.error("ErrorEquals", "States.ALL must appear alone and in the last Retry/Catch entry");
        }
        return List.copyOf(names);
    }

    private State choice(String name, DefinitionFields f) {
        JsonNode choices = f.get("Choices");
        if (choices == null || !choices.isArray() || choices.isEmpty()) {
            throw f.error("Choices", "must be a non-empty array");
        }
        List<ChoiceRule.Branch> branches = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            DefinitionFields c = new DefinitionFields(machine, f.where() + ".Choices[" + i + "]", choices.get(i));
            String next = c.text("Next");
            ChoiceRule rule = rule(c);
            branches.add(new ChoiceRule.Branch(rule, next));
        }
        String defaultNext = f.optionalText("Default");
        return new State.Choice(name, flow(f, false, false, false, false), List.copyOf(branches), defaultNext);
    }

    private ChoiceRule rule(DefinitionFields c) {
        c.optionalText("Comment");
        ChoiceRule rule;
        if (c.has("And") || c.has("Or")) {
            String op = c.has("And") ? "And" : "Or";
            JsonNode list = c.get(op);
            if (!list.isArray() || list.isEmpty()) {
                throw c.error(op, "must be a non-empty array of rules");
            }
            List<ChoiceRule> rules = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                rules.add(nestedRule(c.where() + "." + op + "[" + i + "]", list.get(i)));
            }
            rule = "And".equals(op) ? new ChoiceRule.And(List.copyOf(rules)) : new ChoiceRule.Or(List.copyOf(rules));
        } else if (c.has("Not")) {
            rule = new ChoiceRule.Not(nestedRule(c.where() + ".Not", c.get("Not")));
        } else {
            rule = comparison(c);
        }
        c.rejectUnread();
        return rule;
    }

    private ChoiceRule nestedRule(String where, JsonNode node) {
        DefinitionFields nested = new DefinitionFields(machine, where, node);
        if (node.has("Next")) {
            throw nested.error("Next", "is only allowed on top-level choice rules");
        }
        return rule(nested);
    }

    private ChoiceRule comparison(DefinitionFields c) {
        PathExpression variable = compile(c, "Variable", PathExpression::compile);
        ChoiceRule.Operator operator = null;
        String operatorField = null;
        for (String field : OPERATOR_FIELDS) {
            ChoiceRule.Operator candidate = ChoiceRule.Operator.byField(field);
            if (c.get(field) != null) {
                if (operator != null) {
                    throw c.error(field, "a rule has exactly one comparison operator (also found " + operatorField + ")");
                }
                operator = candidate;
                operatorField = field;
            }
        }
        if (operator == null) {
            throw c.error(null, "needs a comparison operator (StringEquals, NumericLessThan, IsPresent, ...)");
        }
        JsonNode operand = c.get(operatorField);
        if (operatorField.endsWith("Path") && operator.hasPathVariant()) {
            return new ChoiceRule.Comparison(variable, operator, null, compile(c, operatorField, PathExpression::compile));
        }
        if (!operator.acceptsLiteral(operand)) {
            throw c.error(operatorField, "has an operand of the wrong type: " + operand);
        }
        return new ChoiceRule.Comparison(variable, operator, operand, null);
    }

    private static List<String> operatorFields() {
        List<String> names = new ArrayList<>();
        for (ChoiceRule.Operator operator : ChoiceRule.Operator.values()) {
            names.add(operator.aslName());
            if (operator.hasPathVariant()) {
                names.add(operator.aslName() + "Path");
            }
        }
        return List.copyOf(names);
    }

    private State waitState(String name, DefinitionFields f) {
        Integer seconds = f.optionalInt("Seconds", 0);
        PathExpression secondsPath = f.has("SecondsPath") ? compile(f, "SecondsPath", PathExpression::compile) : null;
        Instant timestamp = f.has("Timestamp") ? compile(f, "Timestamp", AslParser::timestamp) : null;
        PathExpression timestampPath = f.has("TimestampPath")
                ? compile(f, "TimestampPath", PathExpression::compile) : null;
        int given = (seconds != null ? 1 : 0) + (secondsPath != null ? 1 : 0) + (timestamp != null ? 1 : 0)
                + (timestampPath != null ? 1 : 0);
        if (given != 1) {
            throw f.error(null, "needs exactly one of Seconds, SecondsPath, Timestamp, TimestampPath");
        }
        return new State.Wait(name, flow(f, false, false, false, false), seconds, secondsPath, timestamp,
                timestampPath, transition(f));
    }

    static Instant timestamp(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not an RFC 3339 timestamp");
        }
    }

    private State fail(String name, DefinitionFields f) {
        String error = f.optionalText("Error");
        String cause = f.optionalText("Cause");
        ValueExpression errorPath = f.has("ErrorPath") ? compile(f, "ErrorPath", ValueExpression::parse) : null;
        ValueExpression causePath = f.has("CausePath") ? compile(f, "CausePath", ValueExpression::parse) : null;
        if (error != null && errorPath != null) {
            throw f.error("ErrorPath", "cannot be used together with Error");
        }
        if (cause != null && causePath != null) {
            throw f.error("CausePath", "cannot be used together with Cause");
        }
        return new State.Fail(name, new DataFlow(null, null, null, null, null), error, cause, errorPath, causePath);
    }

    private State parallel(String name, DefinitionFields f) {
        JsonNode branchesNode = f.get("Branches");
        if (branchesNode == null || !branchesNode.isArray() || branchesNode.isEmpty()) {
            throw f.error("Branches", "must be a non-empty array");
        }
        List<State.Scope> branches = new ArrayList<>();
        for (int i = 0; i < branchesNode.size(); i++) {
            String where = f.where() + ".Branches[" + i + "]";
            DefinitionFields b = new DefinitionFields(machine, where, branchesNode.get(i));
            b.optionalText("Comment");
            queryLanguage(b);
            branches.add(scope(b, where));
            b.rejectUnread();
        }
        return new State.Parallel(name, flow(f, true, true, true, true), List.copyOf(branches), errorHandling(f),
                transition(f));
    }

    private State map(String name, DefinitionFields f) {
        for (String distributedOnly : List.of("ItemReader", "ResultWriter", "ItemBatcher", "ToleratedFailurePercentage",
                "ToleratedFailureCount", "ToleratedFailurePercentagePath", "ToleratedFailureCountPath", "Label")) {
            if (f.has(distributedOnly)) {
                throw f.error(distributedOnly, "belongs to Distributed mode or is not supported by the local "
                        + "executor; only inline Map runs locally");
            }
        }
        if (f.has("ItemProcessor") && f.has("Iterator")) {
            throw f.error("Iterator", "cannot be used together with ItemProcessor");
        }
        String processorField = f.has("ItemProcessor") ? "ItemProcessor" : "Iterator";
        DefinitionFields p = new DefinitionFields(machine, f.where() + "." + processorField, f.get(processorField));
        JsonNode config = p.get("ProcessorConfig");
        if (config != null && !"INLINE".equals(config.path("Mode").asText("INLINE"))) {
            throw p.error("ProcessorConfig.Mode", "only INLINE Map runs locally");
        }
        p.optionalText("Comment");
        queryLanguage(p);
        State.Scope processor = scope(p, f.where() + "." + processorField);
        p.rejectUnread();
        if (f.has("ItemSelector") && f.has("Parameters")) {
            throw f.error("Parameters", "cannot be used together with ItemSelector");
        }
        PayloadTemplate itemSelector = template(f, f.has("ItemSelector") ? "ItemSelector" : "Parameters");
        PathExpression itemsPath = f.has("ItemsPath") ? compile(f, "ItemsPath", PathExpression::compile) : null;
        Integer maxConcurrency = f.optionalInt("MaxConcurrency", 0);
        PathExpression maxConcurrencyPath = f.has("MaxConcurrencyPath")
                ? compile(f, "MaxConcurrencyPath", PathExpression::compile) : null;
        if (maxConcurrency != null && maxConcurrencyPath != null) {
            throw f.error("MaxConcurrencyPath", "cannot be used together with MaxConcurrency");
        }
        return new State.MapState(name, flow(f, false, true, true, true), itemsPath, itemSelector, processor,
                maxConcurrency, maxConcurrencyPath, errorHandling(f), transition(f));
    }

    /** Next, Default and Catch targets exist in the scope, and every state is reachable from StartAt. */
    private void checkTransitions(State.Scope scope) {
        Map<String, List<String>> targets = new LinkedHashMap<>();
        for (State state : scope.states().values()) {
            List<String> next = successors(state);
            for (String target : next) {
                if (!scope.states().containsKey(target)) {
                    throw new AslDefinitionException(machine, "States." + state.name(),
                            "moves to state '" + target + "', which does not exist in its scope");
                }
            }
            targets.put(state.name(), next);
        }
        Set<String> reached = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(scope.startAt()));
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (reached.add(name)) {
                todo.addAll(targets.get(name));
            }
        }
        for (String name : scope.states().keySet()) {
            if (!reached.contains(name)) {
                throw new AslDefinitionException(machine, "States." + name, "is not reachable from StartAt");
            }
        }
    }

    private static List<String> successors(State state) {
        List<String> next = new ArrayList<>();
        if (state instanceof State.Choice choice) {
            choice.choices().forEach(b -> next.add(b.next()));
            if (choice.defaultNext() != null) {
                next.add(choice.defaultNext());
            }
            return next;
        }
        State.Transition transition = null;
        State.ErrorHandling handling = State.ErrorHandling.NONE;
        if (state instanceof State.Task task) {
            transition = task.transition();
            handling = task.errorHandling();
        } else if (state instanceof State.Parallel parallel) {
            transition = parallel.transition();
            handling = parallel.errorHandling();
        } else if (state instanceof State.MapState map) {
            transition = map.transition();
            handling = map.errorHandling();
        } else if (state instanceof State.Pass pass) {
            transition = pass.transition();
        } else if (state instanceof State.Wait wait) {
            transition = wait.transition();
        }
        if (transition != null && !transition.isEnd()) {
            next.add(transition.next());
        }
        handling.catchers().forEach(c -> next.add(c.next()));
        return next;
    }
}
