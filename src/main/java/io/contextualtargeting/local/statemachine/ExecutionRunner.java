package io.contextualtargeting.local.statemachine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Runs one execution to its end on the calling thread. Branches of a Parallel state and items of
 * a Map state run one after the other, in order (MaxConcurrency is accepted and has no effect), so
 * runs are deterministic. Waits and retry intervals go through the injected {@link Sleeper}.
 */
final class ExecutionRunner {
    static final int MAX_PAYLOAD_BYTES = 256 * 1024;

    private final StateMachine machine;
    private final String executionArn;
    private final TaskServices services;
    private final ExecutionEnvironment environment;
    private final ExecutionListener listener;
    private final IntrinsicFunctions intrinsics;
    private final History history;
    private final ObjectNode executionContext = Json.object();
    private final ObjectNode machineContext = Json.object();
    private Instant deadline;

    ExecutionRunner(StateMachine machine, String executionArn, TaskServices services,
                    ExecutionEnvironment environment, ExecutionListener listener) {
        this.machine = machine;
        this.executionArn = executionArn;
        this.services = services;
        this.environment = environment;
        this.listener = listener;
        this.intrinsics = new IntrinsicFunctions(environment);
        this.history = new History(environment.clock());
    }

    /** Runs the execution; {@code onStart} sees the RUNNING record before the first state. */
    ExecutionRecord run(String name, JsonNode input, Consumer<ExecutionRecord> onStart) {
        Instant start = now();
        Integer timeout = machine.definition().timeoutSeconds();
        deadline = timeout == null ? null : start.plusSeconds(timeout);
        executionContext.put("Id", executionArn).put("Name", name).put("RoleArn", machine.roleArn())
                .put("StartTime", start.toString()).put("RedriveCount", 0).set("Input", input);
        machineContext.put("Id", machine.arn()).put("Name", machine.name());
        ObjectNode started = Json.object();
        started.set("input", input);
        started.put("roleArn", machine.roleArn());
        history.add("ExecutionStarted", null, started);
        ExecutionRecord running = record(name, ExecutionStatus.RUNNING, input, null, start, null);
        onStart.accept(running);
        listener.executionStarted(running);
        ExecutionRecord end;
        try {
            JsonNode output = runScope(machine.definition().root(), input);
            history.add("ExecutionSucceeded", null, "output", output);
            end = record(name, ExecutionStatus.SUCCEEDED, input, output, start, now());
        } catch (ExecutionTimedOut e) {
            history.addError("ExecutionTimedOut", null, e.error);
            end = failed(name, ExecutionStatus.TIMED_OUT, input, e.error, start);
        } catch (StatesError e) {
            history.addError("ExecutionFailed", null, e);
            end = failed(name, ExecutionStatus.FAILED, input, e, start);
        } catch (Aborted e) {
            StatesError error = new StatesError("States.Aborted", "the local runner was interrupted");
            history.addError("ExecutionAborted", null, error);
            end = failed(name, ExecutionStatus.ABORTED, input, error, start);
        } catch (RuntimeException e) {
            // A fault of the local executor or of an integration: recorded as the execution's failure, not lost.
            StatesError error = StatesError.runtime("the local runner failed: " + e);
            history.addError("ExecutionFailed", null, error);
            end = failed(name, ExecutionStatus.FAILED, input, error, start);
        }
        listener.executionEnded(end);
        return end;
    }

    private ExecutionRecord failed(String name, ExecutionStatus status, JsonNode input, StatesError error,
                                   Instant start) {
        return new ExecutionRecord(executionArn, name, machine.arn(), machine.name(), status, input, null,
                error.error(), error.cause(), start, now(), history.snapshot());
    }

    private ExecutionRecord record(String name, ExecutionStatus status, JsonNode input, JsonNode output,
                                   Instant start, Instant stop) {
        return new ExecutionRecord(executionArn, name, machine.arn(), machine.name(), status, input, output, null,
                null, start, stop, history.snapshot());
    }

    private JsonNode runScope(State.Scope scope, JsonNode input) {
        String current = scope.startAt();
        JsonNode data = input;
        while (true) {
            checkDeadline();
            State state = scope.states().get(current);
            Step step = runState(state, data);
            if (step.next() == null) {
                return step.output();
            }
            current = step.next();
            data = step.output();
        }
    }

    private record Step(JsonNode output, String next) {
    }

    private Step runState(State state, JsonNode rawInput) {
        Instant entered = now();
        history.add(state.type() + "StateEntered", state.name(), "input", rawInput);
        listener.stateEntered(executionArn, state.name(), rawInput);
        Step step;
        try {
            step = dispatch(state, rawInput, entered);
            checkSize(step.output(), state, "output");
        } catch (StatesError e) {
            listener.stateFailed(executionArn, state.name(), e.error(), e.cause());
            throw e;
        }
        history.add(state.type() + "StateExited", state.name(), "output", step.output());
        listener.stateExited(executionArn, state.name(), step.output());
        return step;
    }

    private Step dispatch(State state, JsonNode raw, Instant entered) {
        if (state instanceof State.Task task) {
            return handled(task, raw, task.errorHandling(), task.transition(),
                    retry -> task(task, raw, context(task, entered, retry, null)));
        }
        if (state instanceof State.Parallel parallel) {
            return handled(parallel, raw, parallel.errorHandling(), parallel.transition(),
                    retry -> parallel(parallel, raw, context(parallel, entered, retry, null)));
        }
        if (state instanceof State.MapState map) {
            return handled(map, raw, map.errorHandling(), map.transition(),
                    retry -> map(map, raw, entered, retry));
        }
        JsonNode context = context(state, entered, null, null);
        if (state instanceof State.Pass pass) {
            JsonNode effective = pass.io().effectiveInput(raw, context, intrinsics);
            JsonNode result = pass.result() == null ? effective : pass.result();
            return new Step(pass.io().output(raw, result, context, intrinsics), pass.transition().next());
        }
        if (state instanceof State.Choice choice) {
            return choice(choice, raw, context);
        }
        if (state instanceof State.Wait wait) {
            return waitState(wait, raw, context);
        }
        if (state instanceof State.Succeed succeed) {
            JsonNode effective = succeed.io().inputPath().apply(raw, context);
            return new Step(succeed.io().outputPath().apply(effective, context), null);
        }
        throw fail((State.Fail) state, raw, context);
    }

    /**
     * The context object ($$) of a state. As on AWS, $$.State.RetryCount exists only in the states that
     * retry (Task, Parallel, Map); elsewhere $$.State holds Name and EnteredTime alone.
     */
    private JsonNode context(State state, Instant entered, Integer retryCount, ObjectNode mapItem) {
        ObjectNode context = Json.object();
        context.set("Execution", executionContext);
        context.set("StateMachine", machineContext);
        ObjectNode stateContext = context.putObject("State").put("Name", state.name())
                .put("EnteredTime", entered.toString());
        if (retryCount != null) {
            stateContext.put("RetryCount", retryCount);
        }
        if (mapItem != null) {
            context.putObject("Map").set("Item", mapItem);
        }
        return context;
    }

    /** Runs {@code attempt} under the state's Retry and Catch. */
    private Step handled(State state, JsonNode raw, State.ErrorHandling handling, State.Transition transition,
                         IntFunction<JsonNode> attempt) {
        int[] attempts = new int[handling.retriers().size()];
        int retryCount = 0;
        while (true) {
            try {
                return new Step(attempt.apply(retryCount), transition.next());
            } catch (StatesError e) {
                int r = firstRetrier(handling.retriers(), e.error());
                if (r >= 0 && attempts[r] < handling.retriers().get(r).maxAttempts()) {
                    Duration delay = handling.retriers().get(r).delay(attempts[r], environment.random());
                    attempts[r]++;
                    retryCount++;
                    listener.stateFailed(executionArn, state.name(), e.error(), e.cause());
                    ObjectNode details = Json.object();
                    details.put("error", e.error()).put("cause", e.cause()).put("retryCount", retryCount)
                            .put("intervalSeconds", delay.toMillis() / 1000.0);
                    history.add("RetryScheduled", state.name(), details);
                    sleep(delay);
                    continue;
                }
                for (State.Catcher catcher : handling.catchers()) {
                    if (ErrorNames.matches(catcher.errorEquals(), e.error())) {
                        listener.stateFailed(executionArn, state.name(), e.error(), e.cause());
                        ObjectNode errorOutput = Json.object();
                        errorOutput.put("Error", e.error()).put("Cause", e.cause());
                        return new Step(catcher.resultPath().apply(raw, errorOutput), catcher.next());
                    }
                }
                throw e;
            }
        }
    }

    private static int firstRetrier(List<State.Retrier> retriers, String error) {
        for (int i = 0; i < retriers.size(); i++) {
            if (ErrorNames.matches(retriers.get(i).errorEquals(), error)) {
                return i;
            }
        }
        return -1;
    }

    private JsonNode task(State.Task task, JsonNode raw, JsonNode context) {
        JsonNode effective = task.io().effectiveInput(raw, context, intrinsics);
        checkSize(effective, task, "input after Parameters");
        String prefix = task.resource().eventPrefix();
        ObjectNode scheduled = Json.object();
        scheduled.put("resource", resourceName(task.resource()));
        scheduled.set("parameters", effective);
        history.add(prefix + "Scheduled", task.name(), scheduled);
        Instant started = now();
        JsonNode result;
        try {
            result = task.resource().call(effective, services, environment.uuids().get());
        } catch (StatesError e) {
            history.addError(prefix + "Failed", task.name(), e);
            throw e;
        } catch (RuntimeException e) {
            StatesError error = new StatesError(ErrorNames.TASK_FAILED, String.valueOf(e.getMessage()));
            history.addError(prefix + "Failed", task.name(), error);
            throw error;
        }
        Integer timeout = task.timeoutSeconds();
        if (timeout != null && Duration.between(started, now()).getSeconds() >= timeout) {
            // A local task cannot be pre-empted; one that overran gets the AWS outcome when it returns.
            StatesError error = new StatesError(ErrorNames.TIMEOUT, "Task '" + task.name() + "' ran longer than "
                    + timeout + " seconds");
            history.addError(prefix + "TimedOut", task.name(), error);
            throw error;
        }
        history.add(prefix + "Succeeded", task.name(), "output", result);
        checkSize(result, task, "result");
        return task.io().output(raw, result, context, intrinsics);
    }

    private static String resourceName(TaskResource resource) {
        if (resource instanceof TaskResource.LambdaFunction function) {
            return function.functionArn();
        }
        if (resource instanceof TaskResource.LambdaInvoke) {
            return "arn:aws:states:::lambda:invoke";
        }
        return resource instanceof TaskResource.SnsPublish ? "arn:aws:states:::sns:publish"
                : "arn:aws:states:::events:putEvents";
    }

    private JsonNode parallel(State.Parallel parallel, JsonNode raw, JsonNode context) {
        JsonNode effective = parallel.io().effectiveInput(raw, context, intrinsics);
        checkSize(effective, parallel, "input after Parameters");
        history.add("ParallelStateStarted", parallel.name(), Json.object());
        ArrayNode results = Json.MAPPER.createArrayNode();
        for (State.Scope branch : parallel.branches()) {
            try {
                results.add(runScope(branch, effective));
            } catch (StatesError e) {
                history.addError("ParallelStateFailed", parallel.name(), e);
                throw e;
            }
        }
        history.add("ParallelStateSucceeded", parallel.name(), Json.object());
        return parallel.io().output(raw, results, context, intrinsics);
    }

    private JsonNode map(State.MapState map, JsonNode raw, Instant entered, int retryCount) {
        JsonNode context = context(map, entered, retryCount, null);
        JsonNode effective = map.io().inputPath().apply(raw, context);
        JsonNode items = map.itemsPath() == null ? effective : map.itemsPath().read(effective, context);
        if (!items.isArray()) {
            throw StatesError.runtime("Map state '" + map.name() + "': ItemsPath "
                    + (map.itemsPath() == null ? "$" : map.itemsPath().text()) + " must select an array, got "
                    + Abbreviation.of(items));
        }
        if (map.maxConcurrencyPath() != null) {
            JsonNode limit = map.maxConcurrencyPath().read(effective, context);
            if (!limit.canConvertToExactIntegral() || !limit.canConvertToInt() || limit.intValue() < 0) {
                throw StatesError.runtime("Map state '" + map.name() + "': MaxConcurrencyPath "
                        + map.maxConcurrencyPath() + " must select a non-negative integer, got " + Abbreviation.of(limit));
            }
        }
        history.add("MapStateStarted", map.name(), Json.object().put("length", items.size()));
        ArrayNode results = Json.MAPPER.createArrayNode();
        for (int index = 0; index < items.size(); index++) {
            ObjectNode item = Json.object().put("Index", index).set("Value", items.get(index));
            JsonNode itemInput = map.itemSelector() == null ? items.get(index)
                    : map.itemSelector().apply(effective, context(map, entered, retryCount, item), intrinsics);
            history.add("MapIterationStarted", map.name(), Json.object().put("index", index));
            try {
                results.add(runScope(map.processor(), itemInput));
            } catch (StatesError e) {
                ObjectNode details = Json.object().put("index", index).put("error", e.error()).put("cause", e.cause());
                history.add("MapIterationFailed", map.name(), details);
                history.addError("MapStateFailed", map.name(), e);
                throw e;
            }
            history.add("MapIterationSucceeded", map.name(), Json.object().put("index", index));
        }
        history.add("MapStateSucceeded", map.name(), Json.object());
        return map.io().output(raw, results, context, intrinsics);
    }

    private Step choice(State.Choice choice, JsonNode raw, JsonNode context) {
        JsonNode effective = choice.io().inputPath().apply(raw, context);
        String next = choice.defaultNext();
        for (ChoiceRule.Branch branch : choice.choices()) {
            if (branch.rule().test(effective, context)) {
                next = branch.next();
                break;
            }
        }
        if (next == null) {
            throw new StatesError(ErrorNames.NO_CHOICE_MATCHED, "No Matches! (Choice state '" + choice.name()
                    + "', input " + Abbreviation.of(effective) + ")");
        }
        return new Step(choice.io().outputPath().apply(effective, context), next);
    }

    private Step waitState(State.Wait wait, JsonNode raw, JsonNode context) {
        JsonNode effective = wait.io().inputPath().apply(raw, context);
        Duration duration;
        if (wait.seconds() != null) {
            duration = Duration.ofSeconds(wait.seconds());
        } else if (wait.secondsPath() != null) {
            JsonNode seconds = wait.secondsPath().read(effective, context);
            if (!seconds.canConvertToExactIntegral() || seconds.longValue() < 0) {
                throw StatesError.runtime("Wait state '" + wait.name() + "': SecondsPath " + wait.secondsPath()
                        + " must select a non-negative integer, got " + Abbreviation.of(seconds));
            }
            duration = Duration.ofSeconds(seconds.longValue());
        } else {
            Instant until = wait.timestamp();
            if (until == null) {
                JsonNode value = wait.timestampPath().read(effective, context);
                try {
                    until = AslParser.timestamp(value.asText());
                } catch (IllegalArgumentException e) {
                    throw StatesError.runtime("Wait state '" + wait.name() + "': TimestampPath "
                            + wait.timestampPath() + " must select an RFC 3339 timestamp, got " + Abbreviation.of(value));
                }
            }
            Duration left = Duration.between(now(), until);
            duration = left.isNegative() ? Duration.ZERO : left;
        }
        history.add("WaitStarted", wait.name(), Json.object().put("seconds", duration.toMillis() / 1000.0));
        sleep(duration);
        return new Step(wait.io().outputPath().apply(effective, context), wait.transition().next());
    }

    private StatesError fail(State.Fail fail, JsonNode raw, JsonNode context) {
        String error = fail.errorPath() == null ? fail.error() : text(fail, "ErrorPath",
                fail.errorPath().evaluate(raw, context, intrinsics));
        String cause = fail.causePath() == null ? fail.cause() : text(fail, "CausePath",
                fail.causePath().evaluate(raw, context, intrinsics));
        return new StatesError(error, cause);
    }

    private static String text(State.Fail fail, String field, JsonNode value) {
        if (!value.isTextual()) {
            throw StatesError.runtime("Fail state '" + fail.name() + "': " + field + " must give a string, got "
                    + Abbreviation.of(value));
        }
        return value.textValue();
    }

    /** Millisecond precision, as Step Functions reports times. */
    private Instant now() {
        return environment.clock().instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private void checkSize(JsonNode value, State state, String what) {
        int size = Json.utf8Size(value);
        if (size > MAX_PAYLOAD_BYTES) {
            throw new StatesError(ErrorNames.DATA_LIMIT_EXCEEDED, "The " + what + " of state '" + state.name()
                    + "' has " + size + " bytes, more than the " + MAX_PAYLOAD_BYTES
                    + "-byte limit of Step Functions: keep big data in S3 and pass its location");
        }
    }

    private void sleep(Duration duration) {
        try {
            environment.sleeper().sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Aborted();
        }
        checkDeadline();
    }

    private void checkDeadline() {
        if (deadline != null && now().isAfter(deadline)) {
            throw new ExecutionTimedOut(new StatesError(ErrorNames.TIMEOUT, "The execution ran longer than "
                    + machine.definition().timeoutSeconds() + " seconds (TimeoutSeconds)"));
        }
    }

    /** The whole execution ran past TimeoutSeconds: no Catch handles it. */
    private static final class ExecutionTimedOut extends RuntimeException {
        private final StatesError error;

        ExecutionTimedOut(StatesError error) {
            super(error.getMessage(), null, false, false);
            this.error = error;
        }
    }

    /** The thread was interrupted while waiting. */
    private static final class Aborted extends RuntimeException {
        Aborted() {
            super("aborted", null, false, false);
        }
    }
}
