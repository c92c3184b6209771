package io.contextualtargeting.local.statemachine;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A small local cloud for executor tests: functions are plain Java lambdas invoked as the local
 * runner invokes handlers (exceptions become FunctionErrors), events and SNS messages are collected.
 */
public final class TestCloud {
    /** A function body. */
    public interface Handler {
        JsonNode handle(JsonNode payload) throws Exception;
    }

    public final FakeTime time = new FakeTime("2026-03-01T10:00:00Z");
    final Map<String, Handler> functions = new HashMap<>();
    public final List<String> invocations = new ArrayList<>();
    final List<EventPublisher.Entry> events = new ArrayList<>();
    final List<List<String>> messages = new ArrayList<>();
    final List<String> progress = new ArrayList<>();
    private final Path work;
    private long nextUuid = 1;

    public TestCloud(Path work) {
        this.work = work;
    }

    public TestCloud function(String name, Handler handler) {
        functions.put(TaskResource.unqualified(name), handler);
        return this;
    }

    public ExecutionEnvironment environment() {
        return new ExecutionEnvironment(time, time, () -> new UUID(0, nextUuid++), new Random(7));
    }

    public LocalStepFunctions service(String machineName, String asl) {
        StateMachine machine = new StateMachine(machineName, StateMachine.arnOf(machineName),
                AslParser.parse(machineName, asl), "arn:aws:iam::000000000000:role/test");
        return new LocalStepFunctions(List.of(machine), services(), store(), environment(), listener());
    }

    public ExecutionStore store() {
        return new ExecutionStore(work);
    }

    ExecutionRecord run(String asl, String input) {
        return service("test-machine", asl).startExecution("test-machine", null, Json.parse(input));
    }

    public TaskServices services() {
        FunctionInvoker invoker = (arn, payload) -> {
            invocations.add(arn.substring(arn.lastIndexOf(':') + 1));
            Handler handler = functions.get(arn);
            if (handler == null) {
                throw new FunctionError("ResourceNotFoundException", "no function " + arn);
            }
            try {
                return handler.handle(payload);
            } catch (Exception e) {
                throw FunctionError.of(e);
            }
        };
        EventPublisher publisher = entries -> {
            events.addAll(entries);
            return entries.stream().map(e -> "event-" + events.size()).toList();
        };
        TopicPublisher topics = (topic, subject, message) -> {
            messages.add(java.util.Arrays.asList(topic, subject, message));
            return "message-" + messages.size();
        };
        return new TaskServices(invoker, publisher, topics);
    }

    public ExecutionListener listener() {
        return new ExecutionListener() {
            @Override
            public void stateEntered(String executionArn, String stateName, JsonNode input) {
                progress.add("enter " + stateName);
            }

            @Override
            public void stateExited(String executionArn, String stateName, JsonNode output) {
                progress.add("exit " + stateName);
            }

            @Override
            public void stateFailed(String executionArn, String stateName, String error, String cause) {
                progress.add("fail " + stateName + " " + error);
            }

            @Override
            public void executionEnded(ExecutionRecord execution) {
                progress.add("end " + execution.status());
            }
        };
    }

    public static JsonNode json(String text) {
        return Json.parse(text);
    }
}
